package dev.devguide.cockpit.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The events of one project that this instance has read, for its subscribers: a bounded
 * window of recent events and the newest sequence, announced to subscribers as a tick.
 * Subscribers read the window (or the outbox, for what has left it) themselves, each from
 * its own cursor.
 */
final class ProjectHub {

	private static final int WINDOW = 4096;

	private final String projectId;

	private final ConcurrentSkipListMap<Long, OutboxEvent> window = new ConcurrentSkipListMap<>();

	private final Sinks.Many<Long> ticks = Sinks.many().replay().latest();

	private final AtomicLong latest = new AtomicLong(-1);

	private final AtomicInteger subscribers = new AtomicInteger();

	private final Mono<ProjectHub> ready;

	ProjectHub(String projectId, EventOutbox outbox) {
		this.projectId = projectId;
		this.ready = Mono.defer(() -> outbox.latest(List.of(projectId)))
			.map(found -> found.getOrDefault(projectId, 0L))
			.doOnNext(this::start)
			.thenReturn(this)
			// Keep the hub once it started, but not a failed first read: the next
			// subscriber retries it.
			.cache(hub -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
	}

	/**
	 * This hub once it knows the project's newest sequence (read once, when the first
	 * subscriber comes).
	 */
	Mono<ProjectHub> ready() {
		return ready;
	}

	boolean started() {
		return latest.get() >= 0;
	}

	private synchronized void start(long newest) {
		if (latest.compareAndSet(-1, newest)) {
			ticks.emitNext(newest, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
		}
	}

	String projectId() {
		return projectId;
	}

	long latest() {
		return latest.get();
	}

	/**
	 * Adds events read by the tailer (contiguous, in order, all after {@link #latest()})
	 * and announces them.
	 */
	synchronized void publish(Iterable<OutboxEvent> events) {
		if (!started()) {
			return;
		}
		long newest = latest.get();
		for (OutboxEvent event : events) {
			if (event.sequence() != newest + 1) {
				break;
			}
			window.put(event.sequence(), event);
			newest = event.sequence();
		}
		while (window.size() > WINDOW) {
			window.pollFirstEntry();
		}
		if (newest > latest.get()) {
			latest.set(newest);
			ticks.emitNext(newest, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
		}
	}

	/** Ends the announcements, and so every subscription that follows them. */
	void complete() {
		ticks.tryEmitComplete();
	}

	/** Newest-sequence announcements: the current one at once, then each advance. */
	Flux<Long> ticks() {
		return ticks.asFlux();
	}

	/**
	 * A copy of the window's events after {@code after} up to {@code upTo}, or null when
	 * the window no longer reaches back that far. The caller checks that the copy starts
	 * at {@code after + 1}: the head may be trimmed meanwhile.
	 */
	@Nullable List<OutboxEvent> fromWindow(long after, long upTo) {
		Map.Entry<Long, OutboxEvent> first = window.firstEntry();
		if (first == null || first.getKey() > after + 1) {
			return null;
		}
		return new ArrayList<>(window.subMap(after, false, upTo, true).values());
	}

	int retain() {
		return subscribers.incrementAndGet();
	}

	int release() {
		return subscribers.decrementAndGet();
	}

	int subscriberCount() {
		return subscribers.get();
	}

}

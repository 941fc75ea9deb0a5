package dev.devguide.cockpit.events;

import dev.devguide.cockpit.graphql.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Per-instance fan-out of committed outbox events to this instance's subscribers.
 *
 * <p>
 * Why this never loses, repeats or reorders an event: an event's key is (project,
 * sequence), and the sequence is taken from the project's {@code event_sequences} row in
 * the writing transaction. That row stays locked until the transaction ends, so a
 * project's sequences are handed out one transaction at a time, in commit order, and a
 * rolled-back transaction gives its number back. So when a committed
 * {@code last_sequence} of N is visible, every event up to N is committed and visible
 * too: there is no "late commit" below a sequence already seen, which is what
 * AUTO_INCREMENT ids on TiDB (allocated per TiDB server, not in commit order) would risk.
 * The tailer therefore only ever reads forward from the newest sequence it has, per
 * project.
 *
 * <p>
 * The tailer polls (every {@code cockpit.events.poll-interval}, and at once after a
 * commit on this instance) only the projects that have subscribers here: one indexed read
 * of their {@code event_sequences} rows, then one read of the new events of the projects
 * that moved. Each subscriber keeps its own cursor and reads from the hub's window of
 * recent events, or from the outbox when it is further behind (a resume with
 * {@code after}); a subscriber only ever emits sequence cursor + 1, so its stream is
 * gap-free and in order.
 */
@Component
public class ProjectEvents implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ProjectEvents.class);

	private static final int PAGE = 1000;

	private final EventOutbox outbox;

	private final EventSettings settings;

	private final Map<String, ProjectHub> hubs = new HashMap<>();

	private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();

	private volatile @Nullable Disposable tailer;

	public ProjectEvents(EventOutbox outbox, EventSettings settings) {
		this.outbox = outbox;
		this.settings = settings;
		outbox.onCommit(() -> wakeUps.tryEmitNext(Boolean.TRUE));
	}

	/**
	 * The project's events after the cursor {@code after} (or, when null, from now on),
	 * in commit order, each once. The caller must already have checked that the
	 * subscriber may read the project. A cursor beyond the project's newest committed
	 * event was not issued by this API: BAD_REQUEST rather than a silent wait.
	 */
	public Flux<OutboxEvent> stream(String projectId, @Nullable String after) {
		Long start = after == null ? null : parseCursor(after);
		Mono<Void> checked = start == null ? Mono.empty()
				: outbox.latest(List.of(projectId))
					.filter(latest -> start > latest.getOrDefault(projectId, 0L))
					.flatMap(latest -> Mono
						.error(ApiException.badRequest("after", "is beyond the newest event of project " + projectId)));
		return checked.thenMany(Flux.usingWhen(acquire(projectId), hub -> follow(hub, start), this::release));
	}

	private Flux<OutboxEvent> follow(ProjectHub hub, @Nullable Long after) {
		AtomicLong cursor = new AtomicLong(after == null ? hub.latest() : after);
		return hub.ticks()
			.onBackpressureLatest()
			.concatMap(upTo -> upTo <= cursor.get() ? Flux.empty() : deliver(hub, cursor, upTo), 1);
	}

	/**
	 * Emits the events after the cursor up to {@code upTo}: from the hub's window when it
	 * holds them (the window is contiguous from its first entry), else from the outbox. A
	 * gap can only mean that retention deleted events this cursor has not seen: the
	 * subscription then ends with BAD_REQUEST instead of skipping them.
	 */
	private Flux<OutboxEvent> deliver(ProjectHub hub, AtomicLong cursor, long upTo) {
		long after = cursor.get();
		List<OutboxEvent> recent = hub.fromWindow(after, upTo);
		// from the window when it has them
		Flux<OutboxEvent> source = recent != null && !recent.isEmpty() && recent.get(0).sequence() == after + 1
				? Flux.fromIterable(recent) : fromOutbox(hub, after, upTo);
		return source.handle((event, sink) -> {
			if (event.sequence() != cursor.get() + 1) {
				sink.error(ApiException.badRequest("after", "the events after " + cursor.get()
						+ " are no longer kept (see COCKPIT_EVENTS_RETENTION); subscribe without after to start from now"));
				return;
			}
			cursor.set(event.sequence());
			sink.next(event);
		});
	}

	private Flux<OutboxEvent> fromOutbox(ProjectHub hub, long after, long upTo) {
		return outbox.after(hub.projectId(), after, PAGE)
			.filter(event -> event.sequence() <= upTo)
			.collectList()
			.flatMapMany(page -> {
				if (page.isEmpty() || page.get(page.size() - 1).sequence() >= upTo || page.size() < PAGE) {
					return Flux.fromIterable(page);
				}
				long last = page.get(page.size() - 1).sequence();
				return Flux.fromIterable(page).concatWith(Flux.defer(() -> fromOutbox(hub, last, upTo)));
			});
	}

	private Mono<ProjectHub> acquire(String projectId) {
		return Mono.defer(() -> {
			ProjectHub hub;
			synchronized (hubs) {
				hub = hubs.computeIfAbsent(projectId, id -> new ProjectHub(id, outbox));
				hub.retain();
				if (tailer == null) {
					hub.complete();
				}
			}
			// usingWhen releases only what it acquired: a failed start must give its
			// reference back itself.
			return hub.ready().onErrorResume(error -> release(hub).then(Mono.error(error)));
		});
	}

	private Mono<Void> release(ProjectHub hub) {
		synchronized (hubs) {
			if (hub.release() <= 0) {
				hubs.remove(hub.projectId(), hub);
			}
		}
		return Mono.empty();
	}

	/** One round of the tailer: new events of every project that has subscribers here. */
	Mono<Void> poll() {
		List<ProjectHub> active;
		synchronized (hubs) {
			active = hubs.values().stream().filter(ProjectHub::started).toList();
		}
		if (active.isEmpty()) {
			return Mono.empty();
		}
		return outbox.latest(active.stream().map(ProjectHub::projectId).toList())
			.flatMapMany(latest -> Flux.fromIterable(active)
				.filter(hub -> latest.getOrDefault(hub.projectId(), 0L) > hub.latest()))
			.concatMap(this::catchUp)
			.then();
	}

	private Mono<Void> catchUp(ProjectHub hub) {
		return outbox.after(hub.projectId(), hub.latest(), PAGE).collectList().flatMap(events -> {
			hub.publish(events);
			return events.size() == PAGE ? catchUp(hub) : Mono.empty();
		});
	}

	static long parseCursor(String after) {
		try {
			long value = Long.parseLong(after);
			if (value < 0) {
				throw new NumberFormatException();
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("after", "is not an event cursor this API issued");
		}
	}

	@Override
	public void start() {
		Flux<Boolean> ticks = Flux.merge(Flux.interval(settings.pollInterval()).map(tick -> Boolean.TRUE),
				wakeUps.asFlux());
		tailer = ticks.onBackpressureDrop().concatMap(tick -> poll().onErrorResume(error -> {
			log.warn("Outbox poll failed: {}", error.getClass().getName());
			return Mono.empty();
		}), 1).subscribe();
	}

	/**
	 * Stops following the outbox and completes every open subscription (a
	 * graphql-transport-ws {@code complete}, the SSE stream's end), before the web
	 * server's graceful shutdown (a later phase) waits for open requests; a subscription
	 * begun after this completes at once.
	 */
	@Override
	public void stop() {
		Disposable running = tailer;
		if (running != null) {
			running.dispose();
		}
		tailer = null;
		List<ProjectHub> open;
		synchronized (hubs) {
			open = List.copyOf(hubs.values());
		}
		// Completing releases the hub (and so changes hubs) on this thread.
		open.forEach(ProjectHub::complete);
	}

	@Override
	public boolean isRunning() {
		return tailer != null;
	}

}

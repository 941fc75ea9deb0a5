package dev.devguide.cockpit.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes outbox events older than {@code cockpit.events.retention}, in batches, every
 * {@code cockpit.events.cleanup-interval}. Safe on every instance at once: the deletes
 * are idempotent, and the sequence counters live in {@code event_sequences}, which
 * cleanup never touches.
 */
@Component
class OutboxRetention implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

	private static final int BATCH = 1000;

	private final EventOutbox outbox;

	private final EventSettings settings;

	private volatile @Nullable Disposable running;

	OutboxRetention(EventOutbox outbox, EventSettings settings) {
		this.outbox = outbox;
		this.settings = settings;
	}

	/**
	 * Deletes everything older than the retention period and returns how many events
	 * went.
	 */
	Mono<Long> cleanUp() {
		Instant cutoff = Instant.now().minus(settings.retention());
		return outbox.deleteOlderThan(cutoff, BATCH)
			.expand(deleted -> deleted < BATCH ? Mono.empty() : outbox.deleteOlderThan(cutoff, BATCH))
			.reduce(0L, Long::sum);
	}

	@Override
	public void start() {
		running = Flux.interval(settings.cleanupInterval())
			.onBackpressureDrop()
			.concatMap(tick -> cleanUp().onErrorResume(error -> {
				log.warn("Outbox cleanup failed: {}", error.getClass().getName());
				return Mono.empty();
			}), 1)
			.subscribe(deleted -> {
				if (deleted > 0) {
					log.info("Outbox cleanup deleted {} events older than {}", deleted, settings.retention());
				}
			});
	}

	@Override
	public void stop() {
		Disposable current = running;
		if (current != null) {
			current.dispose();
		}
		running = null;
	}

	@Override
	public boolean isRunning() {
		return running != null;
	}

}

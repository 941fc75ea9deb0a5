package dev.devguide.cockpit.cortex;

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
 * Deletes idempotency keys older than {@code cockpit.usage.idempotency-retention}, in
 * batches, every {@code cockpit.usage.cleanup-interval}. Safe on every instance at once:
 * the deletes are idempotent.
 */
@Component
class UsageIdempotencyRetention implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(UsageIdempotencyRetention.class);

	private static final int BATCH = 1000;

	private final UsageIdempotencyRepository keys;

	private final UsageSettings settings;

	private volatile @Nullable Disposable running;

	UsageIdempotencyRetention(UsageIdempotencyRepository keys, UsageSettings settings) {
		this.keys = keys;
		this.settings = settings;
	}

	/** Deletes every key older than the retention period and returns how many went. */
	Mono<Long> cleanUp() {
		Instant cutoff = Instant.now().minus(settings.idempotencyRetention());
		return keys.deleteOlderThan(cutoff, BATCH)
			.expand(deleted -> deleted < BATCH ? Mono.empty() : keys.deleteOlderThan(cutoff, BATCH))
			.reduce(0L, Long::sum);
	}

	@Override
	public void start() {
		running = Flux.interval(settings.cleanupInterval())
			.onBackpressureDrop()
			.concatMap(tick -> cleanUp().onErrorResume(error -> {
				log.warn("Idempotency key cleanup failed: {}", error.getClass().getName());
				return Mono.empty();
			}), 1)
			.subscribe(deleted -> {
				if (deleted > 0) {
					log.info("Deleted {} idempotency keys older than {}", deleted, settings.idempotencyRetention());
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

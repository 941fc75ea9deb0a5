package dev.devguide.cockpit.cortex;

import dev.devguide.cockpit.persistence.RetentionSweep;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes idempotency keys older than {@code cockpit.usage.idempotency-retention}, in
 * batches, every {@code cockpit.usage.cleanup-interval}.
 */
@Component
class UsageIdempotencyRetention extends RetentionSweep {

	private final UsageIdempotencyRepository keys;

	private final UsageSettings settings;

	UsageIdempotencyRetention(UsageIdempotencyRepository keys, UsageSettings settings) {
		this.keys = keys;
		this.settings = settings;
	}

	@Override
	public Mono<Long> cleanUp() {
		Instant cutoff = Instant.now().minus(settings.idempotencyRetention());
		return inBatches(batch -> keys.deleteOlderThan(cutoff, batch));
	}

	@Override
	protected Duration interval() {
		return settings.cleanupInterval();
	}

	@Override
	protected String what() {
		return "idempotency keys older than " + settings.idempotencyRetention();
	}

}

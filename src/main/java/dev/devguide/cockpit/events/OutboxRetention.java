package dev.devguide.cockpit.events;

import dev.devguide.cockpit.persistence.RetentionSweep;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes outbox events older than {@code cockpit.events.retention}, in batches, every
 * {@code cockpit.events.cleanup-interval}. Safe on every instance at once: the deletes
 * are idempotent, and the sequence counters live in {@code event_sequences}, which
 * cleanup never touches.
 */
@Component
class OutboxRetention extends RetentionSweep {

	private final EventOutbox outbox;

	private final EventSettings settings;

	OutboxRetention(EventOutbox outbox, EventSettings settings) {
		this.outbox = outbox;
		this.settings = settings;
	}

	@Override
	public Mono<Long> cleanUp() {
		Instant cutoff = Instant.now().minus(settings.retention());
		return inBatches(batch -> outbox.deleteOlderThan(cutoff, batch));
	}

	@Override
	protected Duration interval() {
		return settings.cleanupInterval();
	}

	@Override
	protected String what() {
		return "outbox events older than " + settings.retention();
	}

}

package dev.devguide.cockpit.cortex;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How token usage is taken in: idempotency keys are kept at least
 * {@code idempotencyRetention} (deleted by a sweep every {@code cleanupInterval}), and an
 * entry may lie at most {@code futureAllowance} ahead of the server's clock.
 */
@ConfigurationProperties("cockpit.usage")
public record UsageSettings(Duration idempotencyRetention, Duration cleanupInterval, Duration futureAllowance) {

	/** Settings left out (null when bound) take their defaults. */
	public UsageSettings(@Nullable Duration idempotencyRetention, @Nullable Duration cleanupInterval,
			@Nullable Duration futureAllowance) {
		this.idempotencyRetention = idempotencyRetention == null ? Duration.ofHours(24) : idempotencyRetention;
		this.cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(10) : cleanupInterval;
		this.futureAllowance = futureAllowance == null ? Duration.ofMinutes(5) : futureAllowance;
	}

}

package dev.devguide.cockpit.cortex;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row of {@code model_prices}: what a model costs per million tokens from
 * {@code effectiveFrom} until the next price of the same model.
 */
public record ModelPrice(String id, String provider, String model, BigDecimal inputPerMillion,
		BigDecimal outputPerMillion, Instant effectiveFrom, Instant createdAt, String createdBy) {
}

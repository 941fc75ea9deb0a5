package dev.devguide.cockpit.bin;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code propagation_log}: one dashboard a propagated change reached, with the
 * outcome, duration and token cost. {@code createdAt} is null only in a row not yet
 * inserted (the database sets it).
 */
public record Propagation(String id, String syncChangeId, String affectedDashboardId, String propagationType,
		String status, @Nullable String errorMessage, @Nullable Integer tokenCost, @Nullable Integer durationMs,
		@Nullable Instant createdAt) {
}

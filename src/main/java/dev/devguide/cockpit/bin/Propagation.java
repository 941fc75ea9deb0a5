package dev.devguide.cockpit.bin;

import java.time.Instant;

/**
 * A row of {@code propagation_log}: one dashboard a propagated change reached, with the
 * outcome, duration and token cost.
 */
public record Propagation(String id, String syncChangeId, String affectedDashboardId, String propagationType,
		String status, String errorMessage, Integer tokenCost, Integer durationMs, Instant createdAt) {
}

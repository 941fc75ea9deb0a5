package dev.devguide.cockpit.bin;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the high-impact changes report: a change, how many distinct dashboards it
 * reached, the token cost summed over its propagations and their average duration.
 */
public record HighImpactChange(String changeId, String projectId, String changeType, Instant createdAt,
		long affectedDashboards, long totalTokenCost, @Nullable Double averageDurationMs) {
}

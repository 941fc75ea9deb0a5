package dev.devguide.cockpit.cortex;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One series of a usage trend: the values of the grouped dimensions (null for a dimension
 * not grouped by, or for calls that had none) and a point per bucket, zero where nothing
 * was used.
 */
public record UsageSeries(@Nullable String provider, @Nullable String model, @Nullable String operationType,
		@Nullable String dashboardContext, List<UsagePoint> points, UsageTotals totals) {
}

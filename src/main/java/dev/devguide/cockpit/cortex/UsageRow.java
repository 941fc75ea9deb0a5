package dev.devguide.cockpit.cortex;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row read from a rollup: the project (when grouped by project), the bucket (when
 * grouped by time), the values of the grouped dimensions in order, and the sums.
 */
record UsageRow(@Nullable String projectId, @Nullable Instant bucketStart, List<@Nullable String> key,
		UsageTotals totals) {
}

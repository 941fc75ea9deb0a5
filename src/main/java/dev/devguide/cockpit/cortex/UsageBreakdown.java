package dev.devguide.cockpit.cortex;

import java.time.Instant;
import java.util.List;

/**
 * A usage breakdown: the range read, the totals, and the groups by cost, highest first.
 */
public record UsageBreakdown(Instant from, Instant to, String by, UsageTotals totals, List<UsageShare> groups) {
}

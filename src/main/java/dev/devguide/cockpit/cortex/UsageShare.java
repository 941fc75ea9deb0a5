package dev.devguide.cockpit.cortex;

import java.math.BigDecimal;

/**
 * One group of a usage breakdown: its value of the dimension (null: calls that had none),
 * its sums and its share of the range's cost (0 to 1; 0 when nothing cost anything).
 */
public record UsageShare(@org.jspecify.annotations.Nullable String key, UsageTotals totals, double costShare) {

	public long inputTokens() {
		return totals.inputTokens();
	}

	public long outputTokens() {
		return totals.outputTokens();
	}

	public long totalTokens() {
		return totals.totalTokens();
	}

	public BigDecimal cost() {
		return totals.cost();
	}

	public long requests() {
		return totals.requests();
	}

}

package dev.devguide.cockpit.cortex;

import java.math.BigDecimal;
import java.time.Instant;

/** One bucket of a usage trend: its start (UTC) and its sums. */
public record UsagePoint(Instant bucketStart, UsageTotals totals) {

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

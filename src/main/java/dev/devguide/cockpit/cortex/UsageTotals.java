package dev.devguide.cockpit.cortex;

import java.math.BigDecimal;

/**
 * Sums of token usage: tokens in and out, cost and the number of calls (one bucket of a
 * trend, one group of a breakdown, or a whole range).
 */
public record UsageTotals(long inputTokens, long outputTokens, BigDecimal cost, long requests) {

	static final UsageTotals ZERO = new UsageTotals(0, 0, BigDecimal.ZERO.setScale(4), 0);

	public long totalTokens() {
		return inputTokens + outputTokens;
	}

	UsageTotals plus(UsageTotals other) {
		return new UsageTotals(inputTokens + other.inputTokens, outputTokens + other.outputTokens, cost.add(other.cost),
				requests + other.requests);
	}

}

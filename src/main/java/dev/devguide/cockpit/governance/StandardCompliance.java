package dev.devguide.cockpit.governance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How well the changes of some projects meet one active standard: its violations by
 * status, and the compliance rate, the share of them not open, in percent.
 */
public record StandardCompliance(String standardId, String category, String standardName, long violations, long open,
		long resolved, long suppressed) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * {@code (1 - open / violations) * 100}, rounded half up to 2 decimals, as the spec's
	 * dashboard query computes it; 100 when there is no violation (where the spec's query
	 * gives NULL: nothing is wrong).
	 */
	public double complianceRate() {
		return rate(open, violations);
	}

	static double rate(long open, long violations) {
		if (violations == 0) {
			return 100;
		}
		BigDecimal notOpen = BigDecimal.valueOf(violations - open).multiply(HUNDRED);
		return notOpen.divide(BigDecimal.valueOf(violations), 2, RoundingMode.HALF_UP).doubleValue();
	}

}

package dev.devguide.cockpit.governance;

import java.util.Comparator;
import java.util.List;

/**
 * The compliance dashboard: one entry per active standard, lowest compliance rate first
 * (then by name), and the summary over all of them.
 */
public record ComplianceReport(List<StandardCompliance> standards) {

	private static final Comparator<StandardCompliance> LOWEST_RATE_FIRST = Comparator
		.comparingDouble(StandardCompliance::complianceRate)
		.thenComparing(StandardCompliance::standardName);

	public ComplianceReport {
		standards = standards.stream().sorted(LOWEST_RATE_FIRST).toList();
	}

	public long violations() {
		return standards.stream().mapToLong(StandardCompliance::violations).sum();
	}

	public long open() {
		return standards.stream().mapToLong(StandardCompliance::open).sum();
	}

	public long resolved() {
		return standards.stream().mapToLong(StandardCompliance::resolved).sum();
	}

	public long suppressed() {
		return standards.stream().mapToLong(StandardCompliance::suppressed).sum();
	}

	/**
	 * The overall score: the rate over every violation of every standard in the report.
	 */
	public double complianceRate() {
		return StandardCompliance.rate(open(), violations());
	}

}

package dev.devguide.cockpit.migration;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code v7_test_results}: one test of a migrated component, its outcome and
 * metrics. {@code phaseNumber} (an addition) is the phase it belongs to, if any.
 * {@code testedAt} is set on every row the API records.
 */
public record TestResult(String id, String testType, String componentTested, @Nullable String v7FilePath,
		String testStatus, @Nullable String errorDetails, @Nullable Object performanceMetrics,
		@Nullable Boolean backwardsCompatible, @Nullable String testedBy, @Nullable Instant testedAt,
		boolean retestRequired, @Nullable String notes, @Nullable Integer phaseNumber) {

}

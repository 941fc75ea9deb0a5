package dev.devguide.cockpit.governance;

import java.time.Instant;

/**
 * A row of {@code metadata_violations}: a value of a resource that failed a standard, and
 * its resolution. {@code projectId} (an addition to the spec) says whose it is.
 */
public record MetadataViolation(String id, String standardId, String resourceType, String resourceId,
		String violationValue, String suggestedFix, String status, Instant detectedAt, Instant resolvedAt,
		String resolvedBy, String projectId) {

	public static final String OPEN = "open";

	public static final String RESOLVED = "resolved";

	public static final String SUPPRESSED = "suppressed";

}

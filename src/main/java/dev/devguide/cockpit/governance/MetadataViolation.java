package dev.devguide.cockpit.governance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code metadata_violations}: a value of a resource that failed a standard, and
 * its resolution. {@code projectId} (an addition to the spec) says whose it is.
 * {@code detectedAt} is null only in a row not yet inserted (the database sets it).
 */
public record MetadataViolation(String id, String standardId, String resourceType, String resourceId,
		@Nullable String violationValue, @Nullable String suggestedFix, String status, @Nullable Instant detectedAt,
		@Nullable Instant resolvedAt, @Nullable String resolvedBy, @Nullable String projectId) {

	public static final String OPEN = "open";

	public static final String RESOLVED = "resolved";

	public static final String SUPPRESSED = "suppressed";

}

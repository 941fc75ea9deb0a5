package dev.devguide.cockpit.governance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code metadata_standards}: a pattern that the values of the payload fields
 * matched by {@code fieldPattern} must contain, at an enforcement level. The timestamps
 * are null only in a row not yet inserted (the database sets them).
 */
public record MetadataStandard(String id, String standardName, String category, String patternRegex,
		@Nullable String fieldPattern, @Nullable String validationMessage, String enforcementLevel, boolean active,
		@Nullable Instant createdAt, @Nullable Instant updatedAt) {

	/** The level whose failures reject a change. */
	public static final String ERROR = "error";

	/** The category whose failures get a suggested UTC timestamp. */
	public static final String TEMPORAL = "temporal";

}

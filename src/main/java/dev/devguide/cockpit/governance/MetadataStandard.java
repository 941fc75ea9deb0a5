package dev.devguide.cockpit.governance;

import java.time.Instant;

/**
 * A row of {@code metadata_standards}: a pattern that the values of the payload fields
 * matched by {@code fieldPattern} must contain, at an enforcement level.
 */
public record MetadataStandard(String id, String standardName, String category, String patternRegex,
		String fieldPattern, String validationMessage, String enforcementLevel, boolean active, Instant createdAt,
		Instant updatedAt) {

	/** The level whose failures reject a change. */
	public static final String ERROR = "error";

	/** The category whose failures get a suggested UTC timestamp. */
	public static final String TEMPORAL = "temporal";

}

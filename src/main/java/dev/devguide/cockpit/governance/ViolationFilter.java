package dev.devguide.cockpit.governance;

import java.time.Instant;

/**
 * The conditions of the metadataViolations list; null means any. {@code visibleTo} limits
 * the list to the projects of that owner (null for admins).
 */
public record ViolationFilter(String status, String standardId, String resourceType, String projectId,
		Instant detectedAfter, String visibleTo) {
}

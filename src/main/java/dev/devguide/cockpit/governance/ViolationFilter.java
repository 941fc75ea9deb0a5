package dev.devguide.cockpit.governance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The conditions of the metadataViolations list; null means any. {@code visibleTo} limits
 * the list to the projects of that owner (null for admins).
 */
public record ViolationFilter(@Nullable String status, @Nullable String standardId, @Nullable String resourceType,
		@Nullable String projectId, @Nullable Instant detectedAfter, @Nullable String visibleTo) {
}

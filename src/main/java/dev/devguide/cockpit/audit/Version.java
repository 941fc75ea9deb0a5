package dev.devguide.cockpit.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code version_history}: the resource as it was after one change, numbered
 * from 1 per resource.
 */
public record Version(String id, String resourceType, String resourceId, int versionNumber, Object snapshot,
		@Nullable String changeDescription, String createdBy, Instant createdAt) {
}

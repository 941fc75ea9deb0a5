package dev.devguide.cockpit.project;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code profiles}: a view of a project with its dashboards and at most one
 * active dashboard.
 */
public record Profile(String id, String projectId, String name, @Nullable String description, Instant createdAt,
		Instant updatedAt, @Nullable String activeDashboardId) {
}

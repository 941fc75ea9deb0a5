package dev.devguide.cockpit.project;

import java.time.Instant;

/**
 * A row of {@code profiles}: a view of a project with its dashboards and at most one
 * active dashboard.
 */
public record Profile(String id, String projectId, String name, String description, Instant createdAt,
		Instant updatedAt, String activeDashboardId) {
}

package dev.devguide.cockpit.project;

import java.time.Instant;

/**
 * A row of {@code modules}: one widget of a dashboard, at a position, with its
 * configuration.
 */
public record Module(String id, String dashboardId, String moduleType, String name, Object configuration, int position,
		Instant createdAt, Instant updatedAt) {
}

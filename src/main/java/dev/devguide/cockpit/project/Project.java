package dev.devguide.cockpit.project;

import java.time.Instant;

/** A row of {@code projects}: the top of the hierarchy, owned by one user. */
public record Project(String id, String name, String description, String ownerUserId, Instant createdAt,
		Instant updatedAt, String workflowTemplate, String gitRepository) {
}

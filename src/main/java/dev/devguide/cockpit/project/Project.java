package dev.devguide.cockpit.project;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of {@code projects}: the top of the hierarchy, owned by one user. */
public record Project(String id, String name, @Nullable String description, String ownerUserId, Instant createdAt,
		Instant updatedAt, @Nullable String workflowTemplate, @Nullable String gitRepository) {
}

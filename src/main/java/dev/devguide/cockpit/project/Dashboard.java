package dev.devguide.cockpit.project;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code dashboards}: a screen of a profile, at a position, laid out by
 * {@code layout}.
 */
public record Dashboard(String id, String profileId, String name, @Nullable String description,
		@Nullable String templateId, Object layout, Instant createdAt, Instant updatedAt, int position) {
}

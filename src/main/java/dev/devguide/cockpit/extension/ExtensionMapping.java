package dev.devguide.cockpit.extension;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code project_extension_mappings}: the dashboard of an extension that a
 * project uses (one per project and extension), with the project's overrides of its
 * config and its place among the project's extensions.
 */
public record ExtensionMapping(String id, String projectId, String extensionId, String extensionDashboardId,
		boolean enabled, @Nullable Object customConfig, int position, Instant createdAt, Instant updatedAt) {
}

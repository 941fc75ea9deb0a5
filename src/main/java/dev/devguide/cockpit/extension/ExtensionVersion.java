package dev.devguide.cockpit.extension;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code dashboard_versions}: one published version of an extension dashboard
 * with its complete config, and, as read for a list, the config of the version before it
 * ({@code previousConfig}; null for the first version), from which
 * {@code diffFromPrevious} is computed. Read for a selection, {@code config} and
 * {@code previousConfig} are empty unless the config or the diff is selected.
 */
public record ExtensionVersion(String id, String extensionDashboardId, String version, Object config,
		@Nullable String changelog, @Nullable String createdBy, Instant createdAt, @Nullable Object previousConfig) {

	/** This version with the config of the one before it. */
	ExtensionVersion after(@Nullable Object previous) {
		return new ExtensionVersion(id, extensionDashboardId, version, config, changelog, createdBy, createdAt,
				previous);
	}

}

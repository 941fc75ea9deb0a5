package dev.devguide.cockpit.project;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the {@code projects} connection; null means "any". {@code visibleTo} limits
 * to one owner.
 */
public record ProjectFilter(@Nullable String ownerUserId, @Nullable String workflowTemplate,
		@Nullable String nameContains, @Nullable String visibleTo) {
}

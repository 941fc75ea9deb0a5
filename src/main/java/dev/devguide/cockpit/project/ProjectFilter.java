package dev.devguide.cockpit.project;

/**
 * Filters of the {@code projects} connection; null means "any". {@code visibleTo} limits
 * to one owner.
 */
public record ProjectFilter(String ownerUserId, String workflowTemplate, String nameContains, String visibleTo) {
}

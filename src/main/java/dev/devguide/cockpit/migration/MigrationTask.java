package dev.devguide.cockpit.migration;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code v7_subworkflow_tasks}: one task of a phase. {@code status} is
 * {@code pending} when the column is NULL (its default); {@code blockers},
 * {@code dependencies} (the ids of the tasks that must complete first) and
 * {@code deliverableUrls} are the JSON lists of the row (empty when the column is NULL).
 */
public record MigrationTask(String id, @Nullable Integer parentPhase, int taskNumber, String taskName,
		String responsiblePersona, String status, @Nullable String dartTaskId, @Nullable String dartTaskUrl,
		@Nullable Instant startedAt, @Nullable Instant completedAt, List<String> blockers, List<String> dependencies,
		List<String> deliverableUrls, @Nullable String notes, @Nullable Instant createdAt) {

	static final String PENDING = "pending";

	static final String IN_PROGRESS = "in_progress";

	static final String BLOCKED = "blocked";

	static final String COMPLETED = "completed";

	/** The ids of the tasks that must complete first (GraphQL's dependencyIds). */
	public List<String> dependencyIds() {
		return dependencies;
	}

	/** How a message names the task: {@code task 4.2 (Script review)}. */
	String label() {
		return "task " + (parentPhase == null ? "" : parentPhase + ".") + taskNumber + " (" + taskName + ")";
	}

}

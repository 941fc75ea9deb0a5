package dev.devguide.cockpit.migration;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code v7_migration_workflow}: one of the programme's seven phases.
 * {@code deliverables} and {@code blockers} are the JSON lists of the row (empty when the
 * column is NULL). {@code blockedFrom} is the status a blocked phase returns to;
 * {@code reviewRequestedBy} the user who moved it to review, who may not approve it.
 */
public record MigrationPhase(String id, int phaseNumber, String phaseName, String status, String leadPersona,
		@Nullable Instant startedAt, @Nullable Instant completedAt, @Nullable String approvalStatus,
		@Nullable String approvedBy, @Nullable String approvalNotes, List<String> deliverables, List<String> blockers,
		@Nullable String blockedFrom, @Nullable String reviewRequestedBy, @Nullable Instant createdAt,
		@Nullable Instant updatedAt) {

}

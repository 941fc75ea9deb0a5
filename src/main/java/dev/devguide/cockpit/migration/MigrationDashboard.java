package dev.devguide.cockpit.migration;

import org.jspecify.annotations.Nullable;

/**
 * A row of the view {@code v7_migration_dashboard}: a phase with its task counts, the
 * programme's migrated files and enum migrations (global figures: neither has a phase),
 * and the highest risk of the phase's approved impacts, by rank (null: none).
 */
public record MigrationDashboard(int phaseNumber, String phaseName, String phaseStatus, String leadPersona,
		long totalTasks, long completedTasks, long migratedFiles, long enumMigrations, @Nullable String highestRisk) {

}

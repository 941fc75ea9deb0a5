package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.persistence.Rows.integer;
import static dev.devguide.cockpit.persistence.Rows.longValue;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * Reads the view {@code v7_migration_dashboard} (one statement for every phase).
 */
@Repository
class MigrationDashboardRepository {

	private final DatabaseClient db;

	MigrationDashboardRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Every phase's row of the dashboard, by phase number. */
	Flux<MigrationDashboard> dashboard() {
		return db.sql("""
				SELECT phase_number, phase_name, phase_status, lead_persona, total_tasks, completed_tasks,
				       migrated_files, enum_migrations, highest_risk
				FROM v7_migration_dashboard ORDER BY phase_number""").map(MigrationDashboardRepository::map).all();
	}

	private static MigrationDashboard map(Readable row) {
		return new MigrationDashboard(integer(row, "phase_number"), string(row, "phase_name"),
				string(row, "phase_status"), string(row, "lead_persona"), longValue(row, "total_tasks"),
				longValue(row, "completed_tasks"), longValue(row, "migrated_files"), longValue(row, "enum_migrations"),
				stringOrNull(row, "highest_risk"));
	}

}

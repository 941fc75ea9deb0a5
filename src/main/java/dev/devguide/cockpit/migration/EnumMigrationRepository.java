package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.persistence.Rows.instantOrNull;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.persistence.SqlConditions;
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code v7_enum_migrations}. */
@Repository
class EnumMigrationRepository {

	private static final String COLUMNS = """
			id, current_enum_name, current_enum_values, v7_enum_name, v7_enum_values, consolidates_with,
			affected_tables, affected_columns, migration_script, rollback_script, status, risk_level, approved_by,
			implemented_at, validated_at, retired_at, created_at""";

	/** The column each move sets, besides the status. */
	private static final Map<String, String> MOVE_SETS = Map.of(EnumMigration.APPROVED, ", approved_by = :by",
			EnumMigration.IMPLEMENTED, ", implemented_at = CURRENT_TIMESTAMP(6)", EnumMigration.VALIDATED,
			", validated_at = CURRENT_TIMESTAMP(6)", EnumMigration.RETIRED, ", retired_at = CURRENT_TIMESTAMP(6)",
			EnumMigration.ROLLED_BACK, "");

	private final DatabaseClient db;

	private final JsonColumns json;

	EnumMigrationRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	/** The migrations of a status and risk (null: any), newest first. */
	Flux<EnumMigration> find(@Nullable String status, @Nullable String riskLevel) {
		SqlConditions where = new SqlConditions().optional("status = :status", "status", status)
			.optional("risk_level = :risk", "risk", riskLevel);
		return where.bind(db.sql("SELECT " + COLUMNS + " FROM v7_enum_migrations" + where.where()
				+ " ORDER BY created_at DESC, id DESC"))
			.map(this::map)
			.all();
	}

	Mono<EnumMigration> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM v7_enum_migrations WHERE id = :id")
			.bind("id", id)
			.map(this::map)
			.one();
	}

	/** The migration, locked until the transaction ends. */
	Mono<EnumMigration> lock(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM v7_enum_migrations WHERE id = :id FOR UPDATE")
			.bind("id", id)
			.map(this::map)
			.one();
	}

	/** Inserts a new migration or writes the editable fields of an existing one. */
	Mono<Void> save(EnumMigration migration, boolean isNew) {
		String sql = isNew ? """
				INSERT INTO v7_enum_migrations (id, current_enum_name, current_enum_values, v7_enum_name,
				                                v7_enum_values, consolidates_with, affected_tables, affected_columns,
				                                migration_script, rollback_script, status, risk_level)
				VALUES (:id, :currentName, :currentValues, :v7Name, :v7Values, :consolidates, :tables, :columns,
				        :migration, :rollback, :status, :risk)""" : """
				UPDATE v7_enum_migrations SET current_enum_name = :currentName, current_enum_values = :currentValues,
				       v7_enum_name = :v7Name, v7_enum_values = :v7Values, consolidates_with = :consolidates,
				       affected_tables = :tables, affected_columns = :columns, migration_script = :migration,
				       rollback_script = :rollback, risk_level = :risk
				WHERE id = :id AND status = :status""";
		Map<String, List<String>> columns = new LinkedHashMap<>();
		migration.affectedColumns().forEach(entry -> columns.put(entry.table(), entry.columns()));
		return db.sql(sql)
			.bind("id", migration.id())
			.bind("currentName", migration.currentEnumName())
			.bind("currentValues", json.write(migration.currentEnumValues()))
			.bind("v7Name", migration.v7EnumName())
			.bind("v7Values", json.write(migration.v7EnumValues()))
			.bind("consolidates", Parameter.fromOrEmpty(json.write(migration.consolidatesWith()), String.class))
			.bind("tables", json.write(migration.affectedTables()))
			.bind("columns", json.write(columns))
			.bind("migration", Parameter.fromOrEmpty(migration.migrationScript(), String.class))
			.bind("rollback", Parameter.fromOrEmpty(migration.rollbackScript(), String.class))
			.bind("status", migration.status())
			.bind("risk", Parameter.fromOrEmpty(migration.riskLevel(), String.class))
			.then();
	}

	/**
	 * Moves a locked migration from {@code from} to {@code to}, setting what the move
	 * sets ({@code by} is the approver of an approval).
	 */
	Mono<Void> move(String id, String from, String to, String by) {
		DatabaseClient.GenericExecuteSpec update = db
			.sql("UPDATE v7_enum_migrations SET status = :to" + Objects.requireNonNull(MOVE_SETS.get(to))
					+ " WHERE id = :id AND status = :from")
			.bind("to", to)
			.bind("id", id)
			.bind("from", from);
		return (EnumMigration.APPROVED.equals(to) ? update.bind("by", by) : update).then();
	}

	private EnumMigration map(Readable row) {
		return new EnumMigration(string(row, "id"), string(row, "current_enum_name"),
				MigrationImpactsRows.texts(json, row, "current_enum_values"), string(row, "v7_enum_name"),
				MigrationImpactsRows.texts(json, row, "v7_enum_values"),
				MigrationImpactsRows.textsOrNull(json, row, "consolidates_with"),
				MigrationImpactsRows.texts(json, row, "affected_tables"), columns(json.read(row, "affected_columns")),
				stringOrNull(row, "migration_script"), stringOrNull(row, "rollback_script"),
				Objects.requireNonNullElse(stringOrNull(row, "status"), EnumMigration.PROPOSED),
				stringOrNull(row, "risk_level"), stringOrNull(row, "approved_by"), instantOrNull(row, "implemented_at"),
				instantOrNull(row, "validated_at"), instantOrNull(row, "retired_at"), instantOrNull(row, "created_at"));
	}

	/**
	 * {table: [columns]} as entries; a value that is not a list of columns reads as none.
	 */
	private static List<EnumMigrationColumns> columns(Object value) {
		List<EnumMigrationColumns> entries = new ArrayList<>();
		if (value instanceof Map<?, ?> map) {
			map.forEach((table, columns) -> entries.add(new EnumMigrationColumns(String.valueOf(table),
					columns instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of())));
		}
		return entries;
	}

}

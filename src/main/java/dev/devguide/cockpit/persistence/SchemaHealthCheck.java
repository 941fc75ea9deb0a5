package dev.devguide.cockpit.persistence;

import dev.devguide.cockpit.persistence.SchemaDrift.Check;
import dev.devguide.cockpit.persistence.SchemaExpectations.ExpectedIndex;
import dev.devguide.cockpit.persistence.SchemaExpectations.ExpectedSeed;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The specification's validation queries (data model: tables, TIMESTAMP(6) precision,
 * index coverage; workflow: the phases loaded) run against the live database and compared
 * with {@link SchemaExpectations}, plus the changesets still pending. Every query reads
 * information_schema or one seeded table, as MariaDB, MySQL 8.0 and TiDB all answer it.
 */
final class SchemaHealthCheck {

	private static final String BASE_TABLE = "BASE TABLE";

	private static final String MISSING = "missing";

	private final Connection connection;

	private final List<SchemaDrift> drifts = new ArrayList<>();

	private SchemaHealthCheck(Connection connection) {
		this.connection = connection;
	}

	static List<SchemaDrift> run(Connection connection, List<PendingChangeSet> pending) throws SQLException {
		SchemaHealthCheck check = new SchemaHealthCheck(connection);
		Map<String, String> tables = check.tables();
		check.tablesAndViews(tables);
		check.timestamps();
		check.indexes(tables);
		check.seeds();
		pending.forEach(
				changeSet -> check.drift(Check.PENDING_CHANGESET, changeSet.ref().toString(), "applied", "pending"));
		return List.copyOf(check.drifts);
	}

	private void tablesAndViews(Map<String, String> tables) {
		SchemaExpectations.TABLES.forEach(table -> expectType(tables, Check.TABLE, table, BASE_TABLE));
		SchemaExpectations.VIEWS.forEach(view -> expectType(tables, Check.VIEW, view, "VIEW"));
	}

	private void expectType(Map<String, String> tables, Check check, String name, String type) {
		String found = tables.get(name);
		if (!type.equals(found)) {
			drift(check, name, type, found == null ? MISSING : found);
		}
	}

	/**
	 * Every timestamp column of a base table is TIMESTAMP(6), and every column the schema
	 * writes as a time ({@code *_at}, {@code timestamp}) of an expected table is still a
	 * timestamp.
	 */
	private void timestamps() throws SQLException {
		for (List<@Nullable String> column : rows("SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.DATA_TYPE"
				+ " FROM information_schema.COLUMNS c JOIN information_schema.TABLES t"
				+ " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
				+ " WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'"
				+ " AND c.TABLE_NAME NOT LIKE 'DATABASECHANGELOG%'"
				+ " AND (c.DATA_TYPE = 'timestamp' OR c.COLUMN_NAME LIKE '%!_at' ESCAPE '!' OR c.COLUMN_NAME = 'timestamp')"
				+ " ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION")) {
			String type = text(column, 2).toLowerCase(Locale.ROOT);
			boolean timestamp = "timestamp".equalsIgnoreCase(text(column, 3));
			if (timestamp ? !type.equals("timestamp(6)") : SchemaExpectations.TABLES.contains(text(column, 0))) {
				drift(Check.TIMESTAMP_PRECISION, text(column, 0) + "." + text(column, 1), "timestamp(6)", type);
			}
		}
	}

	private void indexes(Map<String, String> tables) throws SQLException {
		Set<String> present = new HashSet<>();
		for (List<@Nullable String> row : rows(
				"SELECT DISTINCT TABLE_NAME, INDEX_NAME FROM information_schema.STATISTICS"
						+ " WHERE TABLE_SCHEMA = DATABASE()")) {
			present.add(text(row, 0) + "." + text(row, 1));
		}
		for (ExpectedIndex index : SchemaExpectations.INDEXES) {
			String name = index.table() + "." + index.name();
			// A missing table is its own drift; its indexes are not repeated.
			if (index.deviation() == null && tables.containsKey(index.table()) && !present.contains(name)) {
				drift(Check.INDEX, name, "present", MISSING);
			}
		}
	}

	private void seeds() {
		for (ExpectedSeed seed : SchemaExpectations.SEEDS) {
			String found;
			try {
				List<List<@Nullable String>> rows = rows(seed.query());
				found = rows.isEmpty() ? "no row" : text(rows.get(0), 0);
			}
			catch (SQLException ex) {
				found = "not readable (SQLState " + ex.getSQLState() + ")";
			}
			if (!seed.expected().equals(found)) {
				drift(Check.SEED, seed.object(), seed.expected() + ": " + seed.description(), found);
			}
		}
	}

	private Map<String, String> tables() throws SQLException {
		Map<String, String> tables = new HashMap<>();
		for (List<@Nullable String> row : rows(
				"SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")) {
			tables.put(text(row, 0), text(row, 1));
		}
		return tables;
	}

	private void drift(Check check, String object, String expected, String found) {
		drifts.add(new SchemaDrift(check, object, expected, found));
	}

	private List<List<@Nullable String>> rows(String sql) throws SQLException {
		return Jdbc.rows(connection, sql);
	}

	private static String text(List<@Nullable String> row, int column) {
		return Objects.toString(row.get(column), "NULL");
	}

}

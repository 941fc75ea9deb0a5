package dev.devguide.cockpit.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a schema holds, read from information_schema: its tables, columns (type, default,
 * nullability, extra, collation, comment), indexes (columns, prefix lengths, order,
 * uniqueness), constraints (primary, unique, foreign with their rules, check with its
 * clause), views and the number of rows of each table. Liquibase's own tables are left
 * out. Two snapshots compare key by key.
 */
record SchemaSnapshot(SortedMap<String, String> entries) {

	static SchemaSnapshot take(Connection connection, String schema) throws SQLException {
		SortedMap<String, String> entries = new TreeMap<>();
		List<String> tables = new ArrayList<>();
		for (List<@Nullable String> row : Jdbc.rows(connection,
				"SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COLLATION, TABLE_COMMENT FROM information_schema.TABLES"
						+ " WHERE TABLE_SCHEMA = ? AND TABLE_NAME NOT LIKE 'DATABASECHANGELOG%'",
				schema)) {
			entries.put("table " + row.get(0), join(row, 1));
			if ("BASE TABLE".equals(row.get(1))) {
				tables.add(Objects.requireNonNull(row.get(0), "TABLE_NAME is never NULL"));
			}
		}
		put(entries, "column ", Jdbc.rows(connection,
				"SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME), ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE,"
						+ " COLUMN_DEFAULT, EXTRA, COLLATION_NAME, COLUMN_COMMENT FROM information_schema.COLUMNS"
						+ " WHERE TABLE_SCHEMA = ? AND TABLE_NAME NOT LIKE 'DATABASECHANGELOG%'",
				schema));
		put(entries, "index ", Jdbc.rows(connection,
				"SELECT CONCAT(TABLE_NAME, '.', INDEX_NAME, '#', SEQ_IN_INDEX), NON_UNIQUE, COLUMN_NAME, SUB_PART,"
						+ " COLLATION FROM information_schema.STATISTICS"
						+ " WHERE TABLE_SCHEMA = ? AND TABLE_NAME NOT LIKE 'DATABASECHANGELOG%'",
				schema));
		put(entries, "constraint ", Jdbc.rows(connection,
				"SELECT CONCAT(TABLE_NAME, '.', CONSTRAINT_NAME), CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS"
						+ " WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME NOT LIKE 'DATABASECHANGELOG%'",
				schema));
		put(entries, "foreign key ", Jdbc.rows(connection,
				"SELECT CONCAT(TABLE_NAME, '.', CONSTRAINT_NAME), REFERENCED_TABLE_NAME, UPDATE_RULE, DELETE_RULE"
						+ " FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?",
				schema));
		put(entries, "key column ", Jdbc.rows(connection,
				"SELECT CONCAT(TABLE_NAME, '.', CONSTRAINT_NAME, '#', ORDINAL_POSITION), COLUMN_NAME,"
						+ " REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
						+ " WHERE TABLE_SCHEMA = ? AND TABLE_NAME NOT LIKE 'DATABASECHANGELOG%'",
				schema));
		try {
			put(entries, "check ",
					Jdbc.rows(connection,
							"SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
									+ " WHERE CONSTRAINT_SCHEMA = ?",
							schema));
		}
		catch (SQLException ex) {
			// TiDB before 7.2 has no CHECK_CONSTRAINTS (and ignores CHECK clauses
			// anyway);
			// the names are in TABLE_CONSTRAINTS above.
		}
		put(entries, "view ", Jdbc.rows(connection,
				"SELECT TABLE_NAME, VIEW_DEFINITION, SECURITY_TYPE FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?",
				schema));
		for (String table : tables) {
			List<List<@Nullable String>> count = Jdbc.rows(connection,
					"SELECT COUNT(*) FROM `" + schema + "`.`" + table.replace("`", "``") + "`");
			entries.put("rows " + table, Objects.toString(count.get(0).get(0), "0"));
		}
		return new SchemaSnapshot(entries);
	}

	/**
	 * Every key whose value differs, as {@code key: before -> after} ("absent" for none).
	 */
	List<String> differences(SchemaSnapshot after) {
		TreeSet<String> keys = new TreeSet<>(entries.keySet());
		keys.addAll(after.entries.keySet());
		List<String> differences = new ArrayList<>();
		for (String key : keys) {
			String before = entries.getOrDefault(key, "absent");
			String now = after.entries.getOrDefault(key, "absent");
			if (!before.equals(now)) {
				differences.add(key + ": " + before + " -> " + now);
			}
		}
		return differences;
	}

	private static void put(SortedMap<String, String> entries, String kind, List<List<@Nullable String>> rows) {
		for (List<@Nullable String> row : rows) {
			entries.put(kind + row.get(0), join(row, 1));
		}
	}

	private static String join(List<@Nullable String> row, int from) {
		List<String> values = new ArrayList<>();
		for (int i = from; i < row.size(); i++) {
			values.add(Objects.toString(row.get(i), "NULL"));
		}
		return String.join(" | ", values);
	}

}

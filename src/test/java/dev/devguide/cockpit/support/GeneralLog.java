package dev.devguide.cockpit.support;

import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The statements the server sent, from MariaDB's general query log, switched on only
 * while the given work runs.
 */
public final class GeneralLog {

	private GeneralLog() {
	}

	/**
	 * The queries and executed statements received while {@code work} ran whose text is
	 * {@code LIKE} the pattern.
	 */
	public static List<String> statementsWhile(DatabaseClient db, String like, Runnable work) {
		TestDatabase database = new TestDatabase(db);
		database.rows("SET GLOBAL log_output = 'TABLE'", Map.of());
		database.rows("TRUNCATE mysql.general_log", Map.of());
		database.rows("SET GLOBAL general_log = 1", Map.of());
		try {
			work.run();
		}
		finally {
			database.rows("SET GLOBAL general_log = 0", Map.of());
		}
		List<String> statements = database
			.rows("SELECT CONVERT(argument USING utf8mb4) AS statement FROM mysql.general_log "
					+ "WHERE command_type IN ('Query', 'Execute') AND argument LIKE :like", Map.of("like", like))
			.stream()
			.map(row -> (String) row.get("statement"))
			.toList();
		database.rows("TRUNCATE mysql.general_log", Map.of());
		return statements;
	}

}

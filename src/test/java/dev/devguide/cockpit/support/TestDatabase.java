package dev.devguide.cockpit.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Reads tables directly, to check what the API wrote; blocking is fine here since it runs
 * only in tests.
 */
public final class TestDatabase {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final DatabaseClient db;

	public TestDatabase(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The rows of a query with named parameters ({@code :name}; a collection expands for
	 * {@code IN (:ids)}).
	 */
	public List<Map<String, Object>> rows(String sql, Map<String, ?> params) {
		DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
		for (Map.Entry<String, ?> param : params.entrySet()) {
			spec = spec.bind(param.getKey(), param.getValue());
		}
		return spec.fetch().all().collectList().block(TIMEOUT);
	}

	/** How many rows of {@code table} have their {@code column} among {@code values}. */
	public long countIn(String table, String column, List<String> values) {
		if (values.isEmpty()) {
			return 0;
		}
		Map<String, Object> row = rows("SELECT COUNT(*) AS n FROM " + table + " WHERE " + column + " IN (:values)",
				Map.of("values", values))
			.get(0);
		return ((Number) row.get("n")).longValue();
	}

}

package dev.devguide.cockpit.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The WHERE clause of a query whose filters are optional: each condition comes with its
 * named parameter, and a condition whose value is null is left out. Values are always
 * bound, never written into the SQL.
 */
public final class SqlConditions {

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> parameters = new LinkedHashMap<>();

	/**
	 * Adds {@code condition} with {@code :name} bound to {@code value}, unless the value
	 * is null.
	 */
	public SqlConditions optional(String condition, String name, @Nullable Object value) {
		if (value != null) {
			conditions.add(condition);
			parameters.put(name, value);
		}
		return this;
	}

	/** Adds a condition; its parameters are given with {@link #parameter}. */
	public SqlConditions add(String condition) {
		conditions.add(condition);
		return this;
	}

	public SqlConditions parameter(String name, Object value) {
		parameters.put(name, value);
		return this;
	}

	/** {@code " WHERE a AND b"}, or nothing when there is no condition. */
	public String where() {
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	/**
	 * The conditions joined with AND, for an ON clause ({@code TRUE} when there is none).
	 */
	public String joined() {
		return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
	}

	/** Binds every parameter to the statement. */
	public DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec statement) {
		DatabaseClient.GenericExecuteSpec bound = statement;
		for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
			bound = bound.bind(parameter.getKey(), parameter.getValue());
		}
		return bound;
	}

}

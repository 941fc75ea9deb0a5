package dev.devguide.cockpit.persistence;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts between JSON columns (text on the wire) and the plain Java values the JSON
 * scalar carries.
 */
@Component
public class JsonColumns {

	private final JsonMapper mapper;

	public JsonColumns(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * The JSON of a NOT NULL column as maps, lists, strings, numbers and booleans; SQL
	 * NULL or JSON null there is a bug and fails with the column's name.
	 */
	public Object read(Readable row, String column) {
		Object value = readOrNull(row, column);
		if (value == null) {
			throw new IllegalStateException("Column " + column + " is NULL");
		}
		return value;
	}

	/**
	 * The column's JSON as maps, lists, strings, numbers and booleans; null for SQL NULL
	 * (and JSON null).
	 */
	public @Nullable Object readOrNull(Readable row, String column) {
		String text = row.get(column, String.class);
		return text == null ? null : parse(text);
	}

	/** JSON text as maps, lists, strings, numbers and booleans; null for {@code null}. */
	public @Nullable Object parse(String text) {
		return mapper.readValue(text, Object.class);
	}

	/** The value as JSON text to bind to a JSON column, or null. */
	@Contract("null -> null; !null -> !null")
	public @Nullable String write(@Nullable Object value) {
		return value == null ? null : mapper.writeValueAsString(value);
	}

}

package dev.devguide.cockpit.persistence;

import io.r2dbc.spi.Readable;
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
	 * The column's JSON as maps, lists, strings, numbers and booleans; null for SQL NULL.
	 */
	public Object read(Readable row, String column) {
		String text = row.get(column, String.class);
		return text == null ? null : parse(text);
	}

	/** JSON text as maps, lists, strings, numbers and booleans. */
	public Object parse(String text) {
		return mapper.readValue(text, Object.class);
	}

	/** The value as JSON text to bind to a JSON column, or null. */
	public String write(Object value) {
		return value == null ? null : mapper.writeValueAsString(value);
	}

}

package dev.devguide.cockpit.migration;

import dev.devguide.cockpit.persistence.JsonColumns;
import io.r2dbc.spi.Readable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads the JSON array columns of the programme's tables as Java lists. */
final class MigrationImpactsRows {

	private MigrationImpactsRows() {
	}

	/** A JSON array of texts; empty for SQL NULL. */
	static List<String> texts(JsonColumns json, Readable row, String column) {
		List<String> texts = textsOrNull(json, row, column);
		return texts == null ? List.of() : texts;
	}

	/** A JSON array of texts, or null for SQL NULL. */
	static @Nullable List<String> textsOrNull(JsonColumns json, Readable row, String column) {
		Object value = json.readOrNull(row, column);
		return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : null;
	}

	/** A JSON array of integers; empty for SQL NULL. */
	static List<Integer> integers(JsonColumns json, Readable row, String column) {
		Object value = json.readOrNull(row, column);
		return value instanceof List<?> list ? list.stream().map(item -> ((Number) item).intValue()).toList()
				: List.of();
	}

}

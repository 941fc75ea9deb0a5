package dev.devguide.cockpit.bin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Names every value of a JSON payload by its field path: object keys joined with
 * {@code .}, array elements as {@code [i]}, e.g. {@code metadata.created_at} or
 * {@code items[0].updated_at}. Keys are used as they are (a key containing a dot is not
 * escaped).
 */
final class FieldPaths {

	private FieldPaths() {
	}

	/**
	 * One value of the payload at its path; {@code scalar} for strings, numbers and
	 * booleans.
	 */
	record Field(String path, @Nullable Object value) {

		boolean scalar() {
			return value instanceof String || value instanceof Number || value instanceof Boolean;
		}

		boolean container() {
			return value instanceof Map || value instanceof List;
		}

		/**
		 * The value as the text the patterns see: a string as is, others as their JSON
		 * text.
		 */
		String text() {
			return value instanceof String text ? text : String.valueOf(value);
		}

	}

	/**
	 * Every value below the root object (objects and arrays too), depth first in document
	 * order.
	 */
	static List<Field> of(Map<?, ?> payload) {
		List<Field> fields = new ArrayList<>();
		walk("", payload, fields);
		return fields;
	}

	private static void walk(String path, Object value, List<Field> fields) {
		if (value instanceof Map<?, ?> object) {
			for (Map.Entry<?, ?> entry : object.entrySet()) {
				String child = path.isEmpty() ? String.valueOf(entry.getKey()) : path + "." + entry.getKey();
				fields.add(new Field(child, entry.getValue()));
				walk(child, entry.getValue(), fields);
			}
		}
		else if (value instanceof List<?> array) {
			for (int i = 0; i < array.size(); i++) {
				String child = path + "[" + i + "]";
				fields.add(new Field(child, array.get(i)));
				walk(child, array.get(i), fields);
			}
		}
	}

}

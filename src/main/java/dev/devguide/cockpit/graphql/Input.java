package dev.devguide.cockpit.graphql;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A GraphQL input object with validation that names the offending field
 * ({@code input.name}) in BAD_REQUEST errors. {@link #has} tells an omitted field (keep
 * the value) from an explicit null (clear it).
 */
public final class Input {

	/** What a TEXT column holds: 65,535 bytes, which in UTF-8 may be fewer characters. */
	public static final int TEXT_BYTES = 65_535;

	/** How deeply JSON values may nest (MariaDB refuses deeper documents). */
	public static final int JSON_DEPTH = 32;

	private final Map<String, Object> values;

	private final String path;

	public Input(Map<String, Object> values, String path) {
		this.values = values == null ? Map.of() : values;
		this.path = path;
	}

	public boolean has(String field) {
		return values.containsKey(field);
	}

	/** A required, non-blank text of at most {@code max} characters, trimmed. */
	public String requiredText(String field, int max) {
		String value = text(field, max);
		if (value == null) {
			throw ApiException.badRequest(path(field), "is required and must not be blank");
		}
		return value;
	}

	/**
	 * An optional text of at most {@code max} characters, trimmed; blank becomes null.
	 */
	public String text(String field, int max) {
		Object raw = values.get(field);
		if (raw == null) {
			return null;
		}
		String value = raw.toString().strip();
		if (value.length() > max) {
			throw ApiException.badRequest(path(field), "must be at most " + max + " characters");
		}
		if (max >= TEXT_BYTES && value.getBytes(StandardCharsets.UTF_8).length > TEXT_BYTES) {
			throw ApiException.badRequest(path(field), "must be at most " + TEXT_BYTES + " bytes in UTF-8");
		}
		return value.isEmpty() ? null : value;
	}

	/** An optional integer that must not be below {@code min}. */
	public Integer integer(String field, int min) {
		Object raw = values.get(field);
		if (raw == null) {
			return null;
		}
		int value = ((Number) raw).intValue();
		if (value < min) {
			throw ApiException.badRequest(path(field), "must be at least " + min);
		}
		return value;
	}

	public Boolean bool(String field) {
		return (Boolean) values.get(field);
	}

	/** A JSON object (map); {@code required} refuses null. */
	public Map<?, ?> jsonObject(String field, boolean required) {
		Object raw = values.get(field);
		if (raw == null) {
			if (required) {
				throw ApiException.badRequest(path(field), "is required and must be a JSON object");
			}
			return null;
		}
		if (!(raw instanceof Map<?, ?> map)) {
			throw ApiException.badRequest(path(field), "must be a JSON object");
		}
		if (depth(map) > JSON_DEPTH) {
			throw ApiException.badRequest(path(field), "must not nest deeper than " + JSON_DEPTH + " levels");
		}
		return map;
	}

	/** An optional DateTime, as the DateTime scalar parsed it. */
	public Instant instant(String field) {
		return (Instant) values.get(field);
	}

	/** An enum value as its name. */
	public String enumName(String field) {
		Object raw = values.get(field);
		return raw == null ? null : raw.toString();
	}

	/** The names of the fields the client sent, for audit metadata. */
	public Set<String> fieldNames() {
		return new TreeSet<>(values.keySet());
	}

	private static int depth(Object value) {
		if (value instanceof Map<?, ?> map) {
			return 1 + map.values().stream().mapToInt(Input::depth).max().orElse(0);
		}
		if (value instanceof Iterable<?> list) {
			int deepest = 0;
			for (Object item : list) {
				deepest = Math.max(deepest, depth(item));
			}
			return 1 + deepest;
		}
		return 0;
	}

	public String path(String field) {
		return path + "." + field;
	}

}

package dev.devguide.cockpit.graphql;

import java.util.Map;

/**
 * A GraphQL input object with validation that names the offending field
 * ({@code input.name}) in BAD_REQUEST errors. {@link #has} tells an omitted field (keep
 * the value) from an explicit null (clear it).
 */
public final class Input {

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
		return map;
	}

	/** An optional DateTime, as the DateTime scalar parsed it. */
	public java.time.Instant instant(String field) {
		return (java.time.Instant) values.get(field);
	}

	/** An enum value as its name. */
	public String enumName(String field) {
		Object raw = values.get(field);
		return raw == null ? null : raw.toString();
	}

	/** The names of the fields the client sent, for audit metadata. */
	public java.util.Set<String> fieldNames() {
		return new java.util.TreeSet<>(values.keySet());
	}

	public String path(String field) {
		return path + "." + field;
	}

}

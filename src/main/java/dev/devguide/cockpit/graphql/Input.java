package dev.devguide.cockpit.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of a field, or one input object among them, read only through
 * {@link FieldSpec}s: every value is checked by its spec, and a bad one is a BAD_REQUEST
 * naming its path ({@code changeType}, {@code input.name}). {@link #has} tells an omitted
 * field (keep the value) from an explicit null (clear it).
 */
public final class Input {

	private final Map<String, Object> values;

	private final String prefix;

	private Input(Map<String, Object> values, String prefix) {
		this.values = values;
		this.prefix = prefix;
	}

	/** The field's arguments. */
	public static Input arguments(DataFetchingEnvironment env) {
		return new Input(env.getArguments(), "");
	}

	/**
	 * Values that did not come from the request's arguments (a stored JSON document read
	 * as input, say), checked by the same specs; a bad one is named {@code path.field}.
	 */
	public static Input at(String path, Map<String, Object> values) {
		return new Input(values, path);
	}

	/** An input object given as argument or field {@code spec}; empty when absent. */
	public Input object(FieldSpec<Map<String, Object>> spec) {
		Map<String, Object> object = optional(spec);
		return new Input(object == null ? Map.of() : object, path(spec));
	}

	/**
	 * The elements of a list of input objects ({@link FieldSpec#objectList}), each read
	 * as an Input named {@code path[i]}; empty when absent.
	 */
	public List<Input> objects(FieldSpec<List<Map<String, Object>>> spec) {
		List<Map<String, Object>> items = optional(spec);
		if (items == null) {
			return List.of();
		}
		String path = path(spec);
		List<Input> inputs = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			inputs.add(new Input(items.get(i), path + "[" + i + "]"));
		}
		return inputs;
	}

	public boolean has(FieldSpec<?> spec) {
		return values.containsKey(spec.name());
	}

	/** The checked value, or null when absent, null or (for text fields) blank. */
	public <T> @Nullable T optional(FieldSpec<T> spec) {
		Object raw = values.get(spec.name());
		if (raw == null) {
			return null;
		}
		T value = spec.check(raw, path(spec));
		return spec.absent(value) ? null : value;
	}

	/** The checked value; a BAD_REQUEST when it is absent, null or blank. */
	public <T> T required(FieldSpec<T> spec) {
		T value = optional(spec);
		if (value == null) {
			throw ApiException.badRequest(path(spec), spec.requiredProblem());
		}
		return value;
	}

	/** The checked value, or {@code fallback} when absent or null. */
	public <T> T orElse(FieldSpec<T> spec, T fallback) {
		T value = optional(spec);
		return value == null ? fallback : value;
	}

	/**
	 * For an update of a field that cannot be cleared: {@code current} when the field was
	 * omitted, else the required value.
	 */
	public <T> T update(FieldSpec<? extends T> spec, T current) {
		return has(spec) ? required(spec) : current;
	}

	/**
	 * For an update of a field that may be cleared: {@code current} when the field was
	 * omitted, else the value (null clears it).
	 */
	public <T> @Nullable T updateOrClear(FieldSpec<? extends T> spec, @Nullable T current) {
		return has(spec) ? optional(spec) : current;
	}

	/** The names of the fields the client sent, for audit metadata. */
	public Set<String> fieldNames() {
		return new TreeSet<>(values.keySet());
	}

	/** Where {@code spec} sits in the request, as a BAD_REQUEST names it. */
	public String path(FieldSpec<?> spec) {
		return prefix.isEmpty() ? spec.name() : prefix + "." + spec.name();
	}

}

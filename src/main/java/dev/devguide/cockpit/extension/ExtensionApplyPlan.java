package dev.devguide.cockpit.extension;

import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.FieldSpec;
import dev.devguide.cockpit.graphql.Input;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An effective config read as the inputs of creating its dashboard and modules:
 * {@code {name, description?, layout, modules: [{type, name, configuration,
 * position?}]}}. The JSON types are checked here (GraphQL checks them for a request's own
 * input); the values are checked by the hierarchy's services, with the same rules as for
 * createDashboard and createModule, each named by its place in the config
 * ({@code effectiveConfig.modules[1].name}). Modules are created in the order of their
 * position (then as listed), at dense positions from 0.
 */
record ExtensionApplyPlan(Input dashboard, List<Input> modules) {

	static final String ROOT = "effectiveConfig";

	static final int MAX_MODULES = 100;

	/** A module's kind: what the modules.module_type column holds. */
	static final FieldSpec<String> MODULE_TYPE = FieldSpec.text("type", 100, "The kind of module.");

	/** One module as listed, with the position it asks for. */
	private record Listed(int index, @Nullable Integer position, Input input) {
	}

	/** The plan of {@code effective}; a BAD_REQUEST naming the first value at fault. */
	static ExtensionApplyPlan of(@Nullable Object effective) {
		if (!(effective instanceof Map<?, ?> config)) {
			throw ApiException.badRequest(ROOT, "must be a JSON object");
		}
		Map<String, Object> dashboard = new LinkedHashMap<>();
		text(config, "name", ROOT, dashboard, "name");
		text(config, "description", ROOT, dashboard, "description");
		json(config, "layout", dashboard, "layout");
		List<Listed> listed = new ArrayList<>();
		List<?> modules = modules(config.get("modules"));
		for (int i = 0; i < modules.size(); i++) {
			listed.add(module(modules.get(i), i));
		}
		listed.sort(Comparator.comparing(Listed::position, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Listed::index));
		return new ExtensionApplyPlan(Input.at(ROOT, dashboard), listed.stream().map(Listed::input).toList());
	}

	private static List<?> modules(@Nullable Object value) {
		String path = ROOT + ".modules";
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw ApiException.badRequest(path, "must be a JSON array");
		}
		if (list.size() > MAX_MODULES) {
			throw ApiException.badRequest(path, "must hold at most " + MAX_MODULES + " modules");
		}
		return list;
	}

	private static Listed module(@Nullable Object value, int index) {
		String path = ROOT + ".modules[" + index + "]";
		if (!(value instanceof Map<?, ?> module)) {
			throw ApiException.badRequest(path, "must be a JSON object");
		}
		Map<String, Object> type = new LinkedHashMap<>();
		text(module, "type", path, type, "type");
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("moduleType", Input.at(path, type).required(MODULE_TYPE));
		text(module, "name", path, fields, "name");
		json(module, "configuration", fields, "configuration");
		return new Listed(index, position(module.get("position"), path + ".position"), Input.at(path, fields));
	}

	private static @Nullable Integer position(@Nullable Object value, String path) {
		if (value == null) {
			return null;
		}
		if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 0
				&& ((Number) value).longValue() <= Integer.MAX_VALUE) {
			return ((Number) value).intValue();
		}
		throw ApiException.badRequest(path, "must be a whole number of at least 0");
	}

	/** Copies a text value, refusing anything but a string or null. */
	private static void text(Map<?, ?> from, String key, String path, Map<String, Object> to, String as) {
		Object value = from.get(key);
		if (value == null) {
			return;
		}
		if (!(value instanceof String)) {
			throw ApiException.badRequest(path + "." + key, "must be a string");
		}
		to.put(as, value);
	}

	/** Copies a JSON value as it is: the service's spec checks it is an object. */
	private static void json(Map<?, ?> from, String key, Map<String, Object> to, String as) {
		Object value = from.get(key);
		if (value != null) {
			to.put(as, value);
		}
	}

}

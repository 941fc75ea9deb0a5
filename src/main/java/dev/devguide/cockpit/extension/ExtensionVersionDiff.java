package dev.devguide.cockpit.extension;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Patch (RFC 6902) that turns one config into another, computed by Eclipse
 * Parsson's {@code Json.createDiff}: the operations ({@code add}, {@code remove},
 * {@code replace}, with JSON Pointer paths) applied in order to {@code from} give
 * {@code to}; equal configs give an empty patch.
 */
@Component
class ExtensionVersionDiff {

	private static final TypeReference<List<Object>> OPERATIONS = new TypeReference<>() {
	};

	private final JsonMapper mapper;

	ExtensionVersionDiff(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/** The patch from {@code from} to {@code to}, as plain JSON values. */
	List<Object> between(Object from, Object to) {
		String patch = Json.createDiff(structure(from), structure(to)).toJsonArray().toString();
		return mapper.readValue(patch, OPERATIONS);
	}

	private JsonStructure structure(Object value) {
		try (JsonReader reader = Json.createReader(new StringReader(mapper.writeValueAsString(value)))) {
			return reader.read();
		}
	}

}

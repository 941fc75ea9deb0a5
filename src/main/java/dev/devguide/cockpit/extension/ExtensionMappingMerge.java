package dev.devguide.cockpit.extension;

import dev.devguide.cockpit.persistence.JsonColumns;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * An installed extension's effective config: its dashboard's config with the project's
 * {@code customConfig} merged in as a JSON Merge Patch (RFC 7386), by Eclipse Parsson's
 * implementation. Objects merge key by key, a null removes the key, anything else (arrays
 * included) replaces the value.
 */
@Component
public class ExtensionMappingMerge {

	/**
	 * Looked up once: {@code Json.createMergePatch} would search the class path each
	 * call.
	 */
	private final JsonProvider provider = JsonProvider.provider();

	private final JsonColumns json;

	ExtensionMappingMerge(JsonColumns json) {
		this.json = json;
	}

	/** {@code base} with {@code patch} merged in; {@code base} itself without a patch. */
	public @Nullable Object apply(Object base, @Nullable Object patch) {
		if (patch == null) {
			return base;
		}
		JsonValue merged = provider.createMergePatch(parsed(patch)).apply(parsed(base));
		return json.parse(merged.toString());
	}

	private JsonValue parsed(Object value) {
		try (JsonReader reader = provider.createReader(new StringReader(json.write(value)))) {
			return reader.readValue();
		}
	}

}

package dev.devguide.cockpit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The JSON Patch (RFC 6902) between two configs, computed by Parsson. */
class ExtensionVersionDiffTests {

	private final ExtensionVersionDiff diff = new ExtensionVersionDiff(JsonMapper.builder().build());

	@Test
	void thePatchReplacesAddsAndRemovesByJsonPointer() {
		Map<String, Object> from = Map.of("name", "Board", "layout", Map.of("columns", 2), "modules",
				List.of(Map.of("type", "checklist", "name", "Todo")));
		Map<String, Object> to = Map.of("name", "Board", "layout", Map.of("columns", 3, "dense", true), "modules",
				List.of());
		assertThat(diff.between(from, to)).containsExactlyInAnyOrder(
				Map.of("op", "replace", "path", "/layout/columns", "value", 3),
				Map.of("op", "add", "path", "/layout/dense", "value", true),
				Map.of("op", "remove", "path", "/modules/0"));
	}

	@Test
	void equalConfigsHaveAnEmptyPatch() {
		Map<String, Object> config = Map.of("name", "Board", "modules", List.of(Map.of("position", 0)));
		assertThat(diff.between(config, Map.copyOf(config))).isEmpty();
	}

}

package dev.devguide.cockpit.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devguide.cockpit.graphql.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed dashboard config schema, through the validator: what fits, and each
 * problem named by its JSON path under the input field.
 */
class ExtensionConfigSchemaTests {

	private final ExtensionConfigSchema schema = new ExtensionConfigSchema(JsonMapper.builder().build());

	@Test
	void aDashboardWithModulesFits() {
		assertThat(schema.problems(config())).isEmpty();
		Map<String, Object> minimal = Map.of("name", "Empty", "layout", Map.of(), "modules", List.of());
		assertThat(schema.checked(minimal, "input.config")).isSameAs(minimal);
	}

	@Test
	void eachProblemIsNamedByItsPath() {
		assertThat(problem(config -> module(config, 2).put("type", 7))).isEqualTo("modules[2].type");
		assertThat(problem(config -> module(config, 2).put("type", " checklist"))).isEqualTo("modules[2].type");
		assertThat(problem(config -> module(config, 2).put("type", "t".repeat(101)))).isEqualTo("modules[2].type");
		assertThat(problem(config -> module(config, 1).remove("type"))).isEqualTo("modules[1].type");
		assertThat(problem(config -> module(config, 0).put("position", -1))).isEqualTo("modules[0].position");
		assertThat(problem(config -> module(config, 0).put("position", 1.5))).isEqualTo("modules[0].position");
		assertThat(problem(config -> module(config, 0).put("configuration", List.of())))
			.isEqualTo("modules[0].configuration");
		assertThat(problem(config -> module(config, 0).put("colour", "red"))).isEqualTo("modules[0].colour");
		assertThat(problem(config -> config.remove("layout"))).isEqualTo("layout");
		assertThat(problem(config -> config.put("name", ""))).isEqualTo("name");
		assertThat(problem(config -> config.put("modules", "none"))).isEqualTo("modules");
	}

	@Test
	void aBadConfigIsABadRequestNamingTheFieldPath() {
		Map<String, Object> config = config();
		module(config, 2).put("type", "");
		assertThatThrownBy(() -> schema.checked(config, "input.config")).isInstanceOfSatisfying(ApiException.class,
				error -> {
					assertThat(error.type()).hasToString("BAD_REQUEST");
					assertThat(error.field()).isEqualTo("input.config.modules[2].type");
					assertThat(error.getMessage()).startsWith("input.config.modules[2].type: ")
						.contains("at least 1")
						.contains("and 1 more problem");
				});
	}

	@Test
	void atMostAHundredModules() {
		Map<String, Object> config = config();
		List<Object> modules = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			modules.add(Map.of("type", "checklist", "name", "m" + i, "configuration", Map.of(), "position", i));
		}
		config.put("modules", modules);
		assertThat(schema.problems(config)).extracting(ExtensionConfigProblem::path).containsExactly("modules");
	}

	private String problem(java.util.function.Consumer<Map<String, Object>> spoil) {
		Map<String, Object> config = config();
		spoil.accept(config);
		List<ExtensionConfigProblem> problems = schema.problems(config);
		assertThat(problems).as("problems of %s", config).isNotEmpty();
		assertThat(problems).extracting(ExtensionConfigProblem::path)
			.as("problems of %s", config)
			.containsOnly(problems.get(0).path());
		return problems.get(0).path();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> module(Map<String, Object> config, int index) {
		return (Map<String, Object>) ((List<Object>) config.get("modules")).get(index);
	}

	static Map<String, Object> config() {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("name", "Sprint board");
		config.put("description", "What the team does this sprint");
		config.put("layout", Map.of("columns", 3));
		List<Object> modules = new ArrayList<>();
		for (String type : List.of("checklist", "decision_log", "file_manager")) {
			Map<String, Object> module = new LinkedHashMap<>();
			module.put("type", type);
			module.put("name", "The " + type);
			module.put("configuration", Map.of("items", List.of()));
			module.put("position", modules.size());
			modules.add(module);
		}
		config.put("modules", modules);
		return config;
	}

}

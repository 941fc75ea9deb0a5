package dev.devguide.cockpit.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.schema.DataFetchingEnvironmentImpl;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Field specs and the checked input path: one declaration gives the schema its described
 * limit and the service its check, and every refusal names the field's path.
 */
class InputTests {

	private static final FieldSpec<String> NAME = FieldSpec.text("name", 5, "The name.");

	private static final FieldSpec<String> NOTE = FieldSpec.longText("note", "A note.");

	private static final FieldSpec<Map<String, Object>> LAYOUT = FieldSpec.jsonObject("layout", "The layout.");

	private static final FieldSpec<Integer> POSITION = FieldSpec.integer("position", 0, "Where.");

	private static final FieldSpec<Map<String, Object>> INPUT = FieldSpec.object("input", "ThingInput", "Fields.");

	@Test
	void theSchemaDescriptionStatesTheLimitTheCheckEnforces() {
		assertThat(NAME.description()).isEqualTo("The name. At most 5 characters.");
		assertThat(NAME.describedAs("Another name.").inputField().getDescription())
			.isEqualTo("Another name. At most 5 characters.");
		assertThat(NOTE.argument().getDescription()).isEqualTo("A note. At most 65,535 bytes in UTF-8.");
		assertThat(LAYOUT.description()).isEqualTo("The layout. A JSON object, nested at most 30 levels deep.");
	}

	@Test
	void textIsTrimmedBlankIsAbsentAndTooLongIsRefusedByPath() {
		Input input = input(Map.of("name", "  Ada  "));
		assertThat(input.required(NAME)).isEqualTo("Ada");
		assertThat(input(Map.of("name", "   ")).optional(NAME)).isNull();
		refused(() -> input(Map.of("name", "  ")).required(NAME), "input.name: is required and must not be blank");
		assertThat(input(Map.of("name", "Grace")).required(NAME)).isEqualTo("Grace");
		refused(() -> input(Map.of("name", "Barbara")).optional(NAME), "input.name: must be at most 5 characters");
		refused(() -> input(Map.of("note", "é".repeat(40_000))).optional(NOTE),
				"input.note: must be at most 65535 bytes in UTF-8");
	}

	@Test
	void decimalsAreReadExactlyWithinTheirRangeAndScale() {
		FieldSpec<java.math.BigDecimal> temperature = FieldSpec.decimal("temperature", java.math.BigDecimal.ZERO,
				java.math.BigDecimal.valueOf(2), 2, "The temperature.");
		assertThat(temperature.description()).isEqualTo("The temperature. From 0 to 2, at most 2 decimals.");
		assertThat(input(Map.of("temperature", 0.7)).required(temperature)).isEqualByComparingTo("0.70")
			.hasToString("0.70");
		assertThat(input(Map.of("temperature", 2)).required(temperature)).hasToString("2.00");
		refused(() -> input(Map.of("temperature", 0.705)).required(temperature),
				"input.temperature: must have at most 2 decimals");
		refused(() -> input(Map.of("temperature", 2.01)).required(temperature),
				"input.temperature: must be between 0 and 2");
		refused(() -> input(Map.of("temperature", -0.01)).required(temperature),
				"input.temperature: must be between 0 and 2");
	}

	@Test
	void textListsLimitTheirItemsAndEachItem() {
		FieldSpec<java.util.List<String>> scopes = FieldSpec.textList("scopes", 2, 3, "Scopes.");
		assertThat(scopes.description()).isEqualTo("Scopes. At most 2 items of at most 3 characters.");
		assertThat(input(Map.of("scopes", java.util.List.of(" ab ", "c"))).required(scopes)).containsExactly("ab", "c");
		refused(() -> input(Map.of("scopes", java.util.List.of("a", "b", "c"))).required(scopes),
				"input.scopes: must have at most 2 items");
		refused(() -> input(Map.of("scopes", java.util.List.of("abcd"))).required(scopes),
				"input.scopes: must be at most 3 characters");
	}

	@Test
	void jsonObjectsNestAtMost30LevelsHoweverDeepTheyAre() {
		assertThat(input(Map.of("layout", nested(30))).required(LAYOUT)).isNotNull();
		refused(() -> input(Map.of("layout", nested(31))).required(LAYOUT),
				"input.layout: must not nest deeper than 30 levels");
		refused(() -> input(Map.of("layout", nested(100_000))).required(LAYOUT),
				"input.layout: must not nest deeper than 30 levels");
		refused(() -> input(Map.of("layout", List.of(1))).required(LAYOUT), "input.layout: must be a JSON object");
	}

	@Test
	void updatesKeepOmittedFieldsAndClearOnExplicitNull() {
		Map<String, Object> values = new HashMap<>();
		values.put("note", null);
		Input input = input(values);
		assertThat(input.update(NAME, "kept")).isEqualTo("kept");
		assertThat(input.updateOrClear(NOTE, "old")).isNull();
		refused(() -> input(Map.of("name", "")).update(NAME, "kept"), "input.name: is required and must not be blank");
	}

	@Test
	void integersBelowTheirMinimumAreRefusedAndArgumentsAreNamedWithoutPrefix() {
		Input arguments = Input.arguments(
				DataFetchingEnvironmentImpl.newDataFetchingEnvironment().arguments(Map.of("position", -1)).build());
		refused(() -> arguments.required(POSITION), "position: must be at least 0");
	}

	@Test
	void listsOfInputObjectsNameEachElementInTheirPaths() {
		FieldSpec<List<Map<String, Object>>> items = FieldSpec.objectList("items", "ItemInput", 1, 2, "The items.");
		assertThat(items.description()).isEqualTo("The items. 1 to 2 items.");
		Input arguments = Input.arguments(DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
			.arguments(Map.of("items", List.of(Map.of("position", 1), Map.of("position", -1))))
			.build());
		assertThat(arguments.objects(items).get(0).required(POSITION)).isEqualTo(1);
		refused(() -> arguments.objects(items).get(1).required(POSITION), "items[1].position: must be at least 0");
		refused(() -> Input.arguments(
				DataFetchingEnvironmentImpl.newDataFetchingEnvironment().arguments(Map.of("items", List.of())).build())
			.objects(items), "items: must hold 1 to 2 items; it holds 0");
	}

	private static Input input(Map<String, Object> fields) {
		Map<String, Object> arguments = new HashMap<>();
		arguments.put("input", fields);
		return Input.arguments(DataFetchingEnvironmentImpl.newDataFetchingEnvironment().arguments(arguments).build())
			.object(INPUT);
	}

	private static Map<String, Object> nested(int levels) {
		Map<String, Object> value = Map.of("leaf", 1);
		for (int level = 1; level < levels; level++) {
			value = Map.of("k", value);
		}
		return value;
	}

	private static void refused(ThrowingCallable read, String message) {
		assertThatThrownBy(read).isInstanceOf(ApiException.class)
			.hasMessage(message)
			.satisfies(error -> assertThat(((ApiException) error).type()).hasToString("BAD_REQUEST"));
	}

}

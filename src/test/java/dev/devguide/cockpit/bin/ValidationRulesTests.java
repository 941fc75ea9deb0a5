package dev.devguide.cockpit.bin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.configuration.Guardrail;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Bin's pure rules, without a server: field paths, suggested UTC timestamps and
 * guardrail configurations that cannot be applied.
 */
class ValidationRulesTests {

	@Test
	void namesEveryValueByItsPathInDocumentOrder() {
		Map<String, Object> payload = new java.util.LinkedHashMap<>();
		payload.put("a", 1);
		payload.put("meta", Map.of("created_at", "x"));
		payload.put("items", List.of(Map.of("updated_at", "y"), List.of(true)));
		payload.put("none", null);

		assertThat(FieldPaths.of(payload)).extracting(FieldPaths.Field::path, FieldPaths.Field::scalar)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("a", true),
					org.assertj.core.groups.Tuple.tuple("meta", false),
					org.assertj.core.groups.Tuple.tuple("meta.created_at", true),
					org.assertj.core.groups.Tuple.tuple("items", false),
					org.assertj.core.groups.Tuple.tuple("items[0]", false),
					org.assertj.core.groups.Tuple.tuple("items[0].updated_at", true),
					org.assertj.core.groups.Tuple.tuple("items[1]", false),
					org.assertj.core.groups.Tuple.tuple("items[1][0]", true),
					org.assertj.core.groups.Tuple.tuple("none", false));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "2026-01-01T15:30:45+01:00|2026-01-01T14:30:45.000000Z",
			"2026-01-01T14:30:45.5-0230|2026-01-01T17:00:45.500000Z", "2026-01-01 14:30:45|2026-01-01T14:30:45.000000Z",
			"2026-01-01T14:30:45.123456789Z|2026-01-01T14:30:45.123456Z",
			"2026-01-01t14:30:45z|2026-01-01T14:30:45.000000Z", "2026-01-01T14:30|2026-01-01T14:30:00.000000Z" })
	void suggestsTheUtcFormOfATimestamp(String value, String fix) {
		assertThat(SuggestedFixes.utcTimestamp(value)).isEqualTo(fix);
	}

	@ParameterizedTest
	@CsvSource({ "yesterday", "2026-01-01", "2026-13-01T00:00:00Z", "14:30:45", "1767225600" })
	void suggestsNothingForWhatIsNotATimestamp(String value) {
		assertThat(SuggestedFixes.utcTimestamp(value)).isNull();
	}

	@Test
	void aGuardrailThatCannotBeAppliedFailsClosed() {
		List<FieldPaths.Field> fields = FieldPaths.of(Map.of("a", "b"));
		for (Object configuration : List.of(Map.of("valuePattern", "(x"), Map.of("fieldPattern", "^a$"),
				Map.of("requiredFields", "a"), Map.of("maxPayloadBytes", "10"), Map.of("forbiddenFieldPattern", 3))) {
			assertThat(GuardrailRules.evaluate(guardrail(configuration), fields, 10)).singleElement()
				.satisfies(check -> {
					assertThat(check.passed()).isFalse();
					assertThat(check.rule()).isEqualTo("configuration");
					assertThat(check.rejects()).isTrue();
				});
		}
		assertThat(GuardrailRules.evaluate(guardrail(null), fields, 10)).isEmpty();
		assertThat(GuardrailRules.evaluate(guardrail(Map.of("other", 1)), fields, 10)).isEmpty();
	}

	private static Guardrail guardrail(Object configuration) {
		return new Guardrail("g", "p", "rule", "d", "HIGH", true, configuration, true, null);
	}

}

package dev.devguide.cockpit.bin;

import dev.devguide.cockpit.configuration.Guardrail;
import dev.devguide.cockpit.configuration.GuardrailConfigurationCheck;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a guardrail configuration by applying {@link GuardrailRules} to an empty
 * payload.
 */
@Component
class GuardrailConfigurations implements GuardrailConfigurationCheck {

	private static final String PROBE = "guardrail";

	@Override
	public @Nullable String problem(@Nullable Object configuration) {
		// A stand-in row: GuardrailRules reads only its ruleId and configuration.
		Guardrail probe = new Guardrail(PROBE, null, PROBE, PROBE, "LOW", false, configuration, true, null);
		return GuardrailRules.evaluate(probe, List.of(), 0)
			.stream()
			.filter(check -> "configuration".equals(check.rule()))
			.map(check -> check.message().substring((PROBE + ": configuration cannot be applied: ").length()))
			.findFirst()
			.orElse(null);
	}

}

package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.graphql.FieldSpec.bool;
import static dev.devguide.cockpit.graphql.FieldSpec.decimal;
import static dev.devguide.cockpit.graphql.FieldSpec.id;
import static dev.devguide.cockpit.graphql.FieldSpec.integer;
import static dev.devguide.cockpit.graphql.FieldSpec.object;
import static dev.devguide.cockpit.graphql.FieldSpec.text;
import static dev.devguide.cockpit.graphql.Sdl.inputObject;

import dev.devguide.cockpit.graphql.FieldSpec;
import graphql.schema.GraphQLInputObjectType;
import java.math.BigDecimal;
import java.util.Map;

/** The arguments and input fields of provider configurations, with their limits. */
final class ProviderInputs {

	/** The longest key accepted, in UTF-8 bytes: what api_key_encrypted holds, sealed. */
	static final int API_KEY_BYTES = 400;

	/**
	 * The shortest key accepted: its last four characters must not give much of it away.
	 */
	static final int API_KEY_MIN = 16;

	static final FieldSpec<String> PROVIDER = text("provider", 50,
			"The provider, e.g. anthropic, openai, azure, local; unique within the project (required on configure).");

	static final FieldSpec<String> MODEL = text("model", 100,
			"The model, e.g. claude-sonnet-4-5-20250929 (required on configure).");

	static final FieldSpec<String> API_KEY = text("apiKey", API_KEY_BYTES,
			"The provider's API key. Write-only: it is sealed (AES-256-GCM under the server's key ring) and never "
					+ "returned; only hasApiKey, apiKeyLast4, apiKeyId and apiKeySetAt are. At least " + API_KEY_MIN
					+ " characters and at most " + API_KEY_BYTES + " bytes in UTF-8. On update, null removes the key. "
					+ "Refused with BAD_REQUEST when the server has no key ring (COCKPIT_KEYS).");

	static final FieldSpec<BigDecimal> TEMPERATURE = decimal("temperature", BigDecimal.ZERO, BigDecimal.valueOf(2), 2,
			"The sampling temperature (default 0.70).");

	static final FieldSpec<Integer> MAX_TOKENS = integer("maxTokens", 1,
			"The most tokens a completion may use (default 4096). At least 1.");

	static final FieldSpec<Boolean> ENABLED = bool("enabled", "Whether the provider is used (default true).");

	static final FieldSpec<Integer> PRIORITY = integer("priority", 0,
			"The place in the fallback order: the lowest is tried first (default 0). At least 0.");

	static final FieldSpec<Map<String, Object>> INPUT = object("input", "ProviderConfigurationInput",
			"The fields to set.")
		.nonNull();

	static final FieldSpec<String> PROJECT_ID = id("projectId", "The project's id.").nonNull();

	static final FieldSpec<String> ID = id("id", "The provider configuration's id.").nonNull();

	static final FieldSpec<Integer> BATCH_SIZE = integer("batchSize", 1, 1000,
			"How many rows to re-encrypt at most in this call (default 200).");

	private ProviderInputs() {
	}

	static GraphQLInputObjectType type() {
		return inputObject("ProviderConfigurationInput",
				"Fields of a provider configuration. On update, omitted fields keep their value.", PROVIDER, API_KEY,
				MODEL, TEMPERATURE, MAX_TOKENS, ENABLED, PRIORITY);
	}

}

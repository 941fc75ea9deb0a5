package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.graphql.FieldSpec.dateTime;
import static dev.devguide.cockpit.graphql.FieldSpec.jsonObject;
import static dev.devguide.cockpit.graphql.FieldSpec.longText;
import static dev.devguide.cockpit.graphql.FieldSpec.text;

import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.FieldSpec;
import dev.devguide.cockpit.graphql.Input;
import java.time.Instant;
import java.util.Map;

/** The arguments of the response cache, with their limits. */
final class CachedResponseInputs {

	static final FieldSpec<String> PROMPT = longText("prompt",
			"The whole prompt (trimmed); the server hashes it with the provider. The hash is never accepted "
					+ "instead.")
		.nonNull();

	static final FieldSpec<String> PROVIDER = text("provider", 100,
			"The provider the response came from, e.g. anthropic (trimmed; no line breaks or other control "
					+ "characters).")
		.nonNull();

	static final FieldSpec<Map<String, Object>> RESPONSE = jsonObject("response", "The provider's response.").nonNull();

	static final FieldSpec<String> PROVIDER_FILTER = text("provider", 100, "Only entries of this provider.");

	static final FieldSpec<Instant> OLDER_THAN = dateTime("olderThan",
			"Entries created (or last replaced) before this time are removed.")
		.nonNull();

	private CachedResponseInputs() {
	}

	/** The checked provider: required, and no control character. */
	static String provider(Input arguments) {
		String provider = arguments.required(PROVIDER);
		if (provider.chars().anyMatch(Character::isISOControl)) {
			throw ApiException.badRequest(arguments.path(PROVIDER), "must not contain control characters");
		}
		return provider;
	}

}

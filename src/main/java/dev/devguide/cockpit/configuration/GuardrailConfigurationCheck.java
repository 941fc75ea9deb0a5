package dev.devguide.cockpit.configuration;

import org.jspecify.annotations.Nullable;

/**
 * Says whether a guardrail {@code configuration} can be applied. The Bin, which gives the
 * keys their meaning, implements it, so that a broken configuration is refused when it is
 * written rather than found at validation.
 */
public interface GuardrailConfigurationCheck {

	/** Why the configuration cannot be applied, or null when it can. */
	@Nullable String problem(@Nullable Object configuration);

}

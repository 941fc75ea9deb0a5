package dev.devguide.cockpit.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key ring that seals provider keys and OAuth tokens: {@code COCKPIT_KEYS}, written
 * {@code id:base64key,id:base64key} with the primary first (see {@link KeyRing}). Unset
 * on the embedded default, a ring is generated into the data directory; unset with an
 * external database, nothing can be sealed and writing a secret is refused.
 */
@ConfigurationProperties("cockpit.keys")
public record KeySettings(@Nullable String ring) {
}

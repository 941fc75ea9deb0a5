package dev.devguide.cockpit.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer tokens are verified: an HS256 {@code secret} ({@code COCKPIT_JWT_SECRET}, at
 * least 32 bytes) or a JWKS URI of an identity provider ({@code COCKPIT_JWT_JWKS_URI}).
 * With neither, the embedded default creates its own secret.
 */
@ConfigurationProperties("cockpit.jwt")
public record JwtSettings(@Nullable String secret, @Nullable String jwksUri) {

	boolean hasSecret() {
		return secret != null && !secret.isBlank();
	}

	boolean hasJwksUri() {
		return jwksUri != null && !jwksUri.isBlank();
	}

}

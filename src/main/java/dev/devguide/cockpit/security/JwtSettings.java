package dev.devguide.cockpit.security;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer tokens are verified: an HS256 {@code secret} ({@code COCKPIT_JWT_SECRET}, at
 * least 32 bytes) or a JWKS URI of an identity provider ({@code COCKPIT_JWT_JWKS_URI}).
 * With neither, the embedded default creates its own secret. When set, {@code issuer} and
 * {@code audience} must match the token's {@code iss} and be one of its {@code aud}; a
 * token may live at most {@code maxLifetime} ({@code exp} minus {@code iat}, or minus now
 * without {@code iat}); {@code clockSkew} is the allowance for the issuer's clock on
 * {@code exp}, {@code nbf} and {@code iat}.
 */
@ConfigurationProperties("cockpit.jwt")
public record JwtSettings(@Nullable String secret, @Nullable String jwksUri, @Nullable String issuer,
		@Nullable String audience, Duration maxLifetime, Duration clockSkew) {

	static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(24);

	static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

	/** Settings left out (null when bound) take their defaults; blank ones are unset. */
	public JwtSettings(@Nullable String secret, @Nullable String jwksUri, @Nullable String issuer,
			@Nullable String audience, @Nullable Duration maxLifetime, @Nullable Duration clockSkew) {
		this.secret = secret;
		this.jwksUri = jwksUri;
		this.issuer = blankToNull(issuer);
		this.audience = blankToNull(audience);
		this.maxLifetime = maxLifetime == null ? DEFAULT_MAX_LIFETIME : maxLifetime;
		this.clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
		if (this.maxLifetime.isNegative() || this.maxLifetime.isZero()) {
			throw new IllegalStateException("COCKPIT_JWT_MAX_LIFETIME must be positive");
		}
		if (this.clockSkew.isNegative()) {
			throw new IllegalStateException("COCKPIT_JWT_CLOCK_SKEW must not be negative");
		}
	}

	boolean hasSecret() {
		return secret != null && !secret.isBlank();
	}

	boolean hasJwksUri() {
		return jwksUri != null && !jwksUri.isBlank();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}

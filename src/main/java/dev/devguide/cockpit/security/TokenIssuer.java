package dev.devguide.cockpit.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs HS256 tokens with the server's own secret: the development token, and tokens in
 * tests. The tokens name the configured issuer and audience, if any, so that the server
 * accepts them.
 */
public final class TokenIssuer {

	static final String DEFAULT_ISSUER = "devguide-cockpit";

	private final NimbusJwtEncoder encoder;

	private final String issuer;

	private final @Nullable String audience;

	TokenIssuer(SecretKey key) {
		this(key, DEFAULT_ISSUER, null);
	}

	TokenIssuer(SecretKey key, JwtSettings settings) {
		this(key, Objects.requireNonNullElse(settings.issuer(), DEFAULT_ISSUER), settings.audience());
	}

	private TokenIssuer(SecretKey key, String issuer, @Nullable String audience) {
		this.encoder = NimbusJwtEncoder.withSecretKey(key).build();
		this.issuer = issuer;
		this.audience = audience;
	}

	/** A token for {@code userId} with the given roles, valid for {@code lifetime}. */
	public String issue(String userId, List<String> roles, Duration lifetime) {
		return issue(userId, roles, Instant.now(), lifetime);
	}

	/** A token issued at {@code issuedAt}: in the past, it may have expired already. */
	public String issue(String userId, List<String> roles, Instant issuedAt, Duration lifetime) {
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.subject(userId)
			.issuer(issuer)
			.issuedAt(issuedAt)
			.expiresAt(issuedAt.plus(lifetime))
			.claim(TokenRules.ROLES, roles);
		if (audience != null) {
			claims.audience(List.of(audience));
		}
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
		return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
	}

}

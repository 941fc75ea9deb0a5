package dev.devguide.cockpit.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.SecretKey;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs HS256 tokens with the server's own secret: the development token, and tokens in
 * tests.
 */
public final class TokenIssuer {

	private final NimbusJwtEncoder encoder;

	TokenIssuer(SecretKey key) {
		this.encoder = NimbusJwtEncoder.withSecretKey(key).build();
	}

	/** A token for {@code userId} with the given roles, valid for {@code lifetime}. */
	public String issue(String userId, List<String> roles, Duration lifetime) {
		return issue(userId, roles, Instant.now(), lifetime);
	}

	/** A token issued at {@code issuedAt}: in the past, it may have expired already. */
	public String issue(String userId, List<String> roles, Instant issuedAt, Duration lifetime) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.subject(userId)
			.issuer("devguide-cockpit")
			.issuedAt(issuedAt)
			.expiresAt(issuedAt.plus(lifetime))
			.claim("roles", roles)
			.build();
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
		return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

}

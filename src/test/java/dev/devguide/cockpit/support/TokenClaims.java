package dev.devguide.cockpit.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;

/**
 * Tokens with any claims at all, signed HS256 with a given key: for the refusals that
 * {@code TokenIssuer} (which always writes well-formed claims) cannot produce. Times are
 * epoch seconds, as in a JWT.
 */
public final class TokenClaims {

	private TokenClaims() {
	}

	/**
	 * The claims of a good token for {@code subject} with role {@code user}, issued now,
	 * valid for an hour; change them to make a bad one.
	 */
	public static Map<String, Object> valid(String subject) {
		Instant now = Instant.now();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", subject);
		claims.put("iss", "devguide-cockpit");
		claims.put("iat", now.getEpochSecond());
		claims.put("exp", now.plus(Duration.ofHours(1)).getEpochSecond());
		claims.put("roles", List.of("user"));
		return claims;
	}

	/** Epoch seconds of now plus {@code offset}. */
	public static long inSeconds(Duration offset) {
		return Instant.now().plus(offset).getEpochSecond();
	}

	public static String sign(SecretKey key, Map<String, Object> claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), JWTClaimsSet.parse(claims));
			jwt.sign(new MACSigner(key));
			return jwt.serialize();
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalArgumentException("Cannot sign these claims", ex);
		}
	}

}

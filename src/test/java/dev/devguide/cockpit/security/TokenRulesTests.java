package dev.devguide.cockpit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.devguide.cockpit.support.TokenClaims;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

/**
 * The token rules behind the signature check, one test a rule, through the decoder the
 * server uses ({@link VerifiedTokens} over Nimbus), with settings the integration tests'
 * server does not have (issuer, audience, other limits).
 */
class TokenRulesTests {

	private static final SecretKey KEY = SigningKeys
		.fromSecret("a development secret that is long enough for HS256 keys");

	private static final JwtSettings DEFAULTS = settings(null, null, null, null);

	@Test
	void aGoodTokenIsAccepted() {
		assertThat(accepted(DEFAULTS, claims -> {
		}).getSubject()).isEqualTo("alice");
	}

	@Test
	void aTokenWithoutSubOrWithAnEmptyOrBlankOneIsRefused() {
		assertRefused(DEFAULTS, claims -> claims.remove("sub"), TokenProblem.INVALID_CLAIMS, "sub");
		assertRefused(DEFAULTS, claims -> claims.put("sub", ""), TokenProblem.INVALID_CLAIMS, "sub");
		assertRefused(DEFAULTS, claims -> claims.put("sub", "  "), TokenProblem.INVALID_CLAIMS, "sub");
	}

	@Test
	void aSubLongerThanTheUserIdColumnsIsRefusedAndOneAsLongIsAccepted() {
		assertRefused(DEFAULTS, claims -> claims.put("sub", "u".repeat(256)), TokenProblem.INVALID_CLAIMS, "255");
		assertThat(accepted(DEFAULTS, claims -> claims.put("sub", "u".repeat(255))).getSubject()).hasSize(255);
		// characters, as the columns count them: 255 emoji are 510 UTF-16 units
		assertThat(accepted(DEFAULTS, claims -> claims.put("sub", "\uD83D\uDE00".repeat(255)))).isNotNull();
	}

	@Test
	void rolesMustBeAnArrayOfStrings() {
		assertRefused(DEFAULTS, claims -> claims.put("roles", "admin"), TokenProblem.INVALID_CLAIMS, "roles");
		assertRefused(DEFAULTS, claims -> claims.put("roles", "user admin"), TokenProblem.INVALID_CLAIMS, "roles");
		assertRefused(DEFAULTS, claims -> claims.put("roles", List.of("user", 1)), TokenProblem.INVALID_CLAIMS,
				"roles");
		assertRefused(DEFAULTS, claims -> claims.remove("roles"), TokenProblem.INVALID_CLAIMS, "roles");
		assertThat(accepted(DEFAULTS, claims -> claims.put("roles", List.of()))).isNotNull();
	}

	@Test
	void anUnknownRoleIsIgnoredAndTheKnownOnesKept() {
		Jwt jwt = accepted(DEFAULTS, claims -> claims.put("roles", List.of("user", "ADMIN", "root", "migration")));
		assertThat(new TokenRoles().convert(jwt)).extracting(Object::toString)
			.containsExactlyInAnyOrder("ROLE_user", "ROLE_migration");
	}

	@Test
	void expIsRequired() {
		assertRefused(DEFAULTS, claims -> claims.remove("exp"), TokenProblem.INVALID_CLAIMS, "exp");
	}

	@Test
	void anExpiredTokenIsRefusedOnceBeyondTheAllowance() {
		assertRefused(DEFAULTS, claims -> {
			claims.put("iat", TokenClaims.inSeconds(Duration.ofHours(-2)));
			claims.put("exp", TokenClaims.inSeconds(Duration.ofSeconds(-31)));
		}, TokenProblem.EXPIRED, "expired");
		assertThat(accepted(DEFAULTS, claims -> {
			claims.put("iat", TokenClaims.inSeconds(Duration.ofHours(-2)));
			claims.put("exp", TokenClaims.inSeconds(Duration.ofSeconds(-20)));
		})).isNotNull();
	}

	@Test
	void aTokenLivingLongerThanTheMaximumIsRefused() {
		assertRefused(DEFAULTS, claims -> claims.put("exp", TokenClaims.inSeconds(Duration.ofHours(25))),
				TokenProblem.INVALID_CLAIMS, "longer");
		// without iat, from now
		assertRefused(DEFAULTS, claims -> {
			claims.remove("iat");
			claims.put("exp", TokenClaims.inSeconds(Duration.ofHours(25)));
		}, TokenProblem.INVALID_CLAIMS, "longer");
		assertThat(accepted(DEFAULTS, claims -> claims.put("exp", TokenClaims.inSeconds(Duration.ofHours(23)))))
			.isNotNull();
		JwtSettings hour = settings(null, null, Duration.ofHours(1), null);
		assertRefused(hour, claims -> claims.put("exp", TokenClaims.inSeconds(Duration.ofHours(2))),
				TokenProblem.INVALID_CLAIMS, "longer");
	}

	@Test
	void iatOrNbfInTheFutureBeyondTheAllowanceIsRefusedAndWithinItAccepted() {
		assertRefused(DEFAULTS, claims -> claims.put("iat", TokenClaims.inSeconds(Duration.ofMinutes(5))),
				TokenProblem.NOT_YET_VALID, "not valid yet");
		assertRefused(DEFAULTS, claims -> claims.put("nbf", TokenClaims.inSeconds(Duration.ofMinutes(5))),
				TokenProblem.NOT_YET_VALID, "not valid yet");
		assertThat(accepted(DEFAULTS, claims -> claims.put("iat", TokenClaims.inSeconds(Duration.ofSeconds(10)))))
			.isNotNull();
		assertThat(accepted(DEFAULTS, claims -> claims.put("nbf", TokenClaims.inSeconds(Duration.ofSeconds(10)))))
			.isNotNull();

		JwtSettings strict = settings(null, null, null, Duration.ZERO);
		assertRefused(strict, claims -> claims.put("iat", TokenClaims.inSeconds(Duration.ofSeconds(10))),
				TokenProblem.NOT_YET_VALID, "not valid yet");
		JwtSettings lenient = settings(null, null, null, Duration.ofMinutes(10));
		assertThat(accepted(lenient, claims -> claims.put("iat", TokenClaims.inSeconds(Duration.ofMinutes(5)))))
			.isNotNull();
	}

	@Test
	void theIssuerIsCheckedWhenConfigured() {
		JwtSettings issuer = settings("https://id.example", null, null, null);
		assertRefused(issuer, claims -> {
		}, TokenProblem.WRONG_ISSUER, "issuer");
		assertRefused(issuer, claims -> claims.remove("iss"), TokenProblem.WRONG_ISSUER, "issuer");
		assertThat(accepted(issuer, claims -> claims.put("iss", "https://id.example"))).isNotNull();
		assertThat(accepted(DEFAULTS, claims -> claims.put("iss", "anyone"))).as("not configured: not checked")
			.isNotNull();
	}

	@Test
	void theAudienceIsCheckedWhenConfigured() {
		JwtSettings audience = settings(null, "cockpit-api", null, null);
		assertRefused(audience, claims -> {
		}, TokenProblem.WRONG_AUDIENCE, "meant");
		assertRefused(audience, claims -> claims.put("aud", "another-api"), TokenProblem.WRONG_AUDIENCE, "meant");
		assertThat(accepted(audience, claims -> claims.put("aud", List.of("another-api", "cockpit-api")))).isNotNull();
		assertThat(accepted(audience, claims -> claims.put("aud", "cockpit-api"))).isNotNull();
	}

	@Test
	void theTokenIssuerWritesTheConfiguredIssuerAndAudience() {
		JwtSettings both = settings("https://id.example", "cockpit-api", null, null);
		String token = new TokenIssuer(KEY, both).issue("alice", List.of("user"), Duration.ofHours(1));
		assertThat(decoder(both).decode(token).block()).isNotNull();
	}

	@Test
	void aTokenThatIsNoJwtIsMalformedAndAForeignSignatureIsInvalid() {
		assertThat(refusal(decoder(DEFAULTS), "not-a-jwt").problem()).isEqualTo(TokenProblem.MALFORMED);
		assertThat(refusal(decoder(DEFAULTS), "e30.e30.e30").problem()).isEqualTo(TokenProblem.MALFORMED);
		String foreign = TokenClaims.sign(SigningKeys.fromSecret("another secret, long enough to sign HS256 tokens"),
				TokenClaims.valid("mallory"));
		assertThat(refusal(decoder(DEFAULTS), foreign).problem()).isEqualTo(TokenProblem.INVALID_SIGNATURE);
	}

	@Test
	void theSettingsRefuseNonsense() {
		assertThat(catchThrowable(() -> settings(null, null, Duration.ZERO, null)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("COCKPIT_JWT_MAX_LIFETIME");
		assertThat(catchThrowable(() -> settings(null, null, null, Duration.ofSeconds(-1))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("COCKPIT_JWT_CLOCK_SKEW");
		assertThat(DEFAULTS.maxLifetime()).isEqualTo(Duration.ofHours(24));
		assertThat(DEFAULTS.clockSkew()).isEqualTo(Duration.ofSeconds(30));
	}

	private static Jwt accepted(JwtSettings settings, Consumer<Map<String, Object>> change) {
		return decoder(settings).decode(token(change)).block();
	}

	private static void assertRefused(JwtSettings settings, Consumer<Map<String, Object>> change, TokenProblem problem,
			String saying) {
		String token = token(change);
		TokenRefusedException refused = refusal(decoder(settings), token);
		assertThat(refused.problem()).isEqualTo(problem);
		assertThat(refused.message()).contains(saying).doesNotContain(token);
	}

	private static TokenRefusedException refusal(VerifiedTokens decoder, String token) {
		Throwable error = catchThrowable(() -> decoder.decode(token).block());
		assertThat(error).as("refused").isInstanceOf(TokenRefusedException.class);
		return (TokenRefusedException) error;
	}

	private static String token(Consumer<Map<String, Object>> change) {
		Map<String, Object> claims = TokenClaims.valid("alice");
		change.accept(claims);
		return TokenClaims.sign(KEY, claims);
	}

	static VerifiedTokens decoder(JwtSettings settings) {
		return new VerifiedTokens(
				VerifiedTokens.signatureOnly(
						NimbusReactiveJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build()),
				new TokenRules(settings, Clock.systemUTC()));
	}

	static JwtSettings settings(String issuer, String audience, Duration maxLifetime, Duration clockSkew) {
		return new JwtSettings(null, null, issuer, audience, maxLifetime, clockSkew);
	}

}

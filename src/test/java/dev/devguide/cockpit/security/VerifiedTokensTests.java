package dev.devguide.cockpit.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.TokenClaims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The cache of verified tokens in front of the real Nimbus decoder, with tokens from the
 * server's own issuer: what it keeps, and that it keeps nothing it should not.
 */
class VerifiedTokensTests {

	private final SecretKey key = SigningKeys.fromSecret("a development secret that is long enough for HS256 keys");

	private final TokenIssuer issuer = new TokenIssuer(key);

	private final AtomicInteger verifications = new AtomicInteger();

	private final ReactiveJwtDecoder nimbus = VerifiedTokens
		.signatureOnly(NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build());

	private final TokenRules rules = new TokenRules(TokenRulesTests.settings(null, null, null, null),
			Clock.systemUTC());

	private final ReactiveJwtDecoder counted = token -> Mono.defer(() -> {
		verifications.incrementAndGet();
		return nimbus.decode(token);
	});

	@Test
	void aValidTokenIsVerifiedOnce() {
		VerifiedTokens tokens = new VerifiedTokens(counted, rules);
		String token = issuer.issue("alice", List.of("user"), Duration.ofMinutes(10));
		for (int i = 0; i < 3; i++) {
			StepVerifier.create(tokens.decode(token))
				.assertNext(jwt -> assertThat(jwt.getSubject()).isEqualTo("alice"))
				.verifyComplete();
		}
		assertThat(verifications).hasValue(1);
	}

	@Test
	void aForgedOrExpiredTokenIsRefusedEveryTimeAndNeverKept() {
		VerifiedTokens tokens = new VerifiedTokens(counted, rules);
		String forged = new TokenIssuer(SigningKeys.fromSecret("another secret, long enough to sign HS256 tokens"))
			.issue("mallory", List.of("admin"), Duration.ofMinutes(10));
		String expired = issuer.issue("alice", List.of("user"), Instant.now().minus(Duration.ofHours(2)),
				Duration.ofMinutes(10));
		for (String token : List.of(forged, forged, expired, expired)) {
			StepVerifier.create(tokens.decode(token)).expectError(JwtException.class).verify();
		}
		assertThat(verifications).hasValue(4);
	}

	@Test
	void aWellSignedTokenTheRulesRefuseIsRefusedEveryTimeAndNeverKept() {
		VerifiedTokens tokens = new VerifiedTokens(counted, rules);
		String tooLong = issuer.issue("alice", List.of("user"), Duration.ofDays(30));
		Map<String, Object> claims = TokenClaims.valid("alice");
		claims.put("roles", "user admin");
		String stringRoles = TokenClaims.sign(key, claims);
		for (String token : List.of(tooLong, tooLong, stringRoles, stringRoles)) {
			StepVerifier.create(tokens.decode(token)).expectError(TokenRefusedException.class).verify();
		}
		assertThat(verifications).as("the rules run before a token is kept").hasValue(4);
	}

	@Test
	void aKeptTokenPastItsExpiryIsVerifiedAgain() {
		Instant now = Instant.now();
		MutableClock clock = new MutableClock(now);
		VerifiedTokens tokens = new VerifiedTokens(counted,
				new TokenRules(TokenRulesTests.settings(null, null, null, Duration.ZERO), clock));
		String token = issuer.issue("alice", List.of("user"), now, Duration.ofMinutes(10));
		StepVerifier.create(tokens.decode(token)).expectNextCount(1).verifyComplete();

		clock.now = now.plus(Duration.ofMinutes(20));
		StepVerifier.create(tokens.decode(token))
			.expectErrorSatisfies(
					error -> assertThat(((TokenRefusedException) error).problem()).isEqualTo(TokenProblem.EXPIRED))
			.verify();
		tokens.decode(token).onErrorResume(error -> Mono.empty()).block();
		assertThat(verifications).as("refused when kept, then no longer kept: it goes to the decoder again")
			.hasValue(2);
	}

	private static final class MutableClock extends Clock {

		volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}

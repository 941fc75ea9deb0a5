package dev.devguide.cockpit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verifies each token's signature once rather than at every request: a client sends the
 * same token again and again, and decoding it was about 5% of the server's CPU per Bin
 * call in the benchmark's profile. The delegate checks only the signature; the
 * {@link TokenRules} run here, after it and before a token is kept, so only tokens that
 * passed both are kept (a forged or refused token never is), a bounded number, each for
 * at most {@link #KEPT} (so that a key removed from a JWKS stops being trusted within
 * that time). A kept token goes through the rules again at every use (it may have expired
 * since). Every refusal is a {@link TokenRefusedException} naming its
 * {@link TokenProblem}.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

	static final Duration KEPT = Duration.ofMinutes(5);

	private final ReactiveJwtDecoder delegate;

	private final TokenRules rules;

	private final Cache<String, Jwt> verified = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(KEPT)
		.build();

	/**
	 * {@code delegate} must check the signature only (see {@link #signatureOnly}): a
	 * refusal by a validator of its own would be reported as some other problem.
	 */
	VerifiedTokens(ReactiveJwtDecoder delegate, TokenRules rules) {
		this.delegate = delegate;
		this.rules = rules;
	}

	/**
	 * The Nimbus decoder with its default validators (timestamps) replaced by none, and
	 * with the claims as the token has them: Spring's converter makes up an {@code iat}
	 * (a second before {@code exp}) for a token without one, which the rules would read
	 * as issued in the future.
	 */
	static NimbusReactiveJwtDecoder signatureOnly(NimbusReactiveJwtDecoder decoder) {
		decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
		MappedJwtClaimSetConverter types = MappedJwtClaimSetConverter.withDefaults(Map.of());
		decoder.setClaimSetConverter(claims -> {
			Map<String, Object> converted = Objects.requireNonNull(types.convert(claims));
			if (!claims.containsKey(JwtClaimNames.IAT)) {
				converted.remove(JwtClaimNames.IAT);
			}
			return converted;
		});
		return decoder;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = verified.getIfPresent(token);
		if (known != null) {
			try {
				rules.check(known);
				return Mono.just(known);
			}
			catch (TokenRefusedException refused) {
				verified.invalidate(token);
				return Mono.error(refused);
			}
		}
		return Mono.defer(() -> delegate.decode(token))
			.onErrorMap(error -> refusal(token, error))
			.handle((jwt, sink) -> {
				try {
					rules.check(jwt);
				}
				catch (TokenRefusedException refused) {
					sink.error(refused);
					return;
				}
				verified.put(token, jwt);
				sink.next(jwt);
			});
	}

	/**
	 * The delegate's refusal as a {@link TokenProblem}: malformed when the token's parts,
	 * header or claims do not parse, else a bad signature (or an unsigned token, or one
	 * with an algorithm the server refuses), else claims of the wrong type. Anything but
	 * a {@link BadJwtException} (the key set could not be fetched) is the server's
	 * problem and stays as it is.
	 */
	private static Throwable refusal(String token, Throwable error) {
		if (!(error instanceof BadJwtException) || error instanceof TokenRefusedException) {
			return error;
		}
		if (!parses(token)) {
			return TokenProblem.MALFORMED.refusal();
		}
		if (error.getCause() == null || causedBy(error, BadJOSEException.class)
				|| causedBy(error, JOSEException.class)) {
			return TokenProblem.INVALID_SIGNATURE.refusal();
		}
		return TokenProblem.INVALID_CLAIMS.refusal();
	}

	private static boolean parses(String token) {
		try {
			return JWTParser.parse(token).getJWTClaimsSet() != null;
		}
		catch (ParseException | RuntimeException ex) {
			return false;
		}
	}

	private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
		return TokenRefusedException.causeOf(error, type) != null;
	}

}

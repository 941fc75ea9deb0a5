package dev.devguide.cockpit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verifies each token's signature once rather than at every request: a client sends the
 * same token again and again, and decoding it was about 5% of the server's CPU per Bin
 * call in the benchmark's profile. Only tokens the delegate accepted are kept (a forged
 * token never is), a bounded number, each for at most {@link #KEPT} (so that a key
 * removed from a JWKS stops being trusted within that time); a kept token is checked for
 * expiry and not-before again at every use, as the delegate would.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

	static final Duration KEPT = Duration.ofMinutes(5);

	private final ReactiveJwtDecoder delegate;

	private final OAuth2TokenValidator<Jwt> timestamps;

	private final Cache<String, Jwt> verified = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(KEPT)
		.build();

	VerifiedTokens(ReactiveJwtDecoder delegate) {
		this(delegate, Clock.systemUTC());
	}

	VerifiedTokens(ReactiveJwtDecoder delegate, Clock clock) {
		this.delegate = delegate;
		JwtTimestampValidator validator = new JwtTimestampValidator();
		validator.setClock(clock);
		this.timestamps = validator;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = verified.getIfPresent(token);
		if (known != null && !timestamps.validate(known).hasErrors()) {
			return Mono.just(known);
		}
		if (known != null) {
			verified.invalidate(token);
		}
		// the delegate refuses it again, with its own error
		return delegate.decode(token).doOnNext(jwt -> verified.put(token, jwt));
	}

}

package dev.devguide.cockpit.security;

import dev.devguide.cockpit.graphql.ApiException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Reads the {@link Caller} from the Reactor context that the security filter chain and
 * origin filter filled.
 */
public final class CallerContext {

	private CallerContext() {
	}

	/**
	 * The caller, or an UNAUTHORIZED error when the request carries no valid bearer
	 * token.
	 */
	public static Mono<Caller> current() {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(JwtAuthenticationToken.class::isInstance)
			.switchIfEmpty(Mono.error(ApiException::unauthorized))
			// A Reactor context holds no null values, and the default is not null.
			.flatMap(authentication -> Mono.deferContextual(context -> Mono.just(caller(authentication,
					Objects.requireNonNull(context.getOrDefault(RequestOrigin.class, RequestOrigin.UNKNOWN))))));
	}

	private static Caller caller(Authentication authentication, RequestOrigin origin) {
		Set<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith(TokenRoles.PREFIX))
			.map(authority -> authority.substring(TokenRoles.PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
		return new Caller(authentication.getName(), roles, origin.ipAddress(), origin.userAgent());
	}

}

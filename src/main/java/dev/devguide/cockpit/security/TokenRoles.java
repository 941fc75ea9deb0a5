package dev.devguide.cockpit.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller's roles from the token's {@code roles} array ({@link TokenRules} has checked
 * it is one, of strings): each known role becomes the authority {@code ROLE_<role>} (read
 * back by {@link CallerContext}); an unknown one is ignored and logged at debug. Unlike
 * Spring's {@code JwtGrantedAuthoritiesConverter}, a string is never split into roles.
 */
final class TokenRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

	/** Every role the server knows. */
	static final Set<String> KNOWN = Set.of(Caller.USER, Caller.ADMIN, Caller.INGEST, Caller.MIGRATION);

	static final String PREFIX = "ROLE_";

	private static final Logger log = LoggerFactory.getLogger(TokenRoles.class);

	private static final int LOGGED_LENGTH = 64;

	@Override
	public Collection<GrantedAuthority> convert(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList(TokenRules.ROLES);
		if (roles == null) {
			return List.of();
		}
		return roles.stream().filter(role -> {
			if (KNOWN.contains(role)) {
				return true;
			}
			if (log.isDebugEnabled()) {
				log.debug("Ignoring the unknown role '{}' of a token", shortened(role));
			}
			return false;
		}).distinct().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(PREFIX + role)).toList();
	}

	private static String shortened(String value) {
		return value.length() <= LOGGED_LENGTH ? value : value.substring(0, LOGGED_LENGTH) + "...";
	}

}

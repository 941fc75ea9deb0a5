package dev.devguide.cockpit.security;

import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.RootAccess;
import dev.devguide.cockpit.graphql.RootGuard;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Lets a root field run only for an authenticated caller (else UNAUTHORIZED), and for a
 * service caller (only the {@code ingest} role) only where the field admits services
 * (else FORBIDDEN).
 */
@Component
class CallerGuard implements RootGuard {

	@Override
	public Mono<?> check(RootAccess access) {
		return CallerContext.current().flatMap(caller -> {
			if (caller.service() && access != RootAccess.ALSO_SERVICES) {
				return Mono.error(ApiException.forbidden(
						"A service token (role ingest) may only record usage; this field needs a user or an admin"));
			}
			return Mono.just(caller);
		});
	}

}

package dev.devguide.cockpit.security;

import dev.devguide.cockpit.graphql.RootGuard;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Lets a root field run only for an authenticated caller (else UNAUTHORIZED). */
@Component
class CallerGuard implements RootGuard {

	@Override
	public Mono<?> check() {
		return CallerContext.current();
	}

}

package dev.devguide.cockpit.security;

import dev.devguide.cockpit.graphql.Audience;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One audience per user and set of roles: what any field may check about a caller. Where
 * the request came from is left out, as no result depends on it.
 */
@Component
class CallerAudience implements Audience {

	@Override
	public Mono<Object> current() {
		return CallerContext.current().map(caller -> new UserAndRoles(caller.userId(), caller.roles()));
	}

	private record UserAndRoles(String userId, Set<String> roles) {
	}

}

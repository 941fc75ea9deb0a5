package dev.devguide.cockpit.security;

import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.RequestLimitsCaller;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The caller whose per-caller limits a request counts against: its user id; admins and
 * services (the ingest collectors, which send many small requests) have the elevated
 * limits.
 */
@Component
class CallerLimits implements RequestLimitsCaller {

	@Override
	public Mono<Identity> current() {
		return CallerContext.current()
			.map(caller -> new Identity(caller.userId(), caller.admin() || caller.service()))
			.onErrorResume(ApiException.class, anonymous -> Mono.empty());
	}

}

package dev.devguide.cockpit.graphql;

import reactor.core.publisher.Mono;

/**
 * Who a request's per-caller limits count against (implemented where the caller is known,
 * in security): empty for an anonymous request, which no root field answers anyway.
 */
@FunctionalInterface
public interface RequestLimitsCaller {

	Mono<Identity> current();

	/**
	 * @param user the user id (the token's subject)
	 * @param elevated admins and services, whose per-caller limits are
	 * {@link RequestLimitsSettings#elevatedFactor} times higher
	 */
	record Identity(String user, boolean elevated) {
	}

}

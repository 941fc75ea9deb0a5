package dev.devguide.cockpit.graphql;

import reactor.core.publisher.Mono;

/**
 * What a result may depend on about the caller making the request: two callers with equal
 * audiences see the same result of the same operation. {@link SharedSubscriptions}
 * renders an event once per audience, so an audience must distinguish every caller whose
 * results could differ (when in doubt, one per user).
 */
@FunctionalInterface
public interface Audience {

	/** The current caller's audience: a value with equals and hashCode. */
	Mono<Object> current();

}

package dev.devguide.cockpit.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;

/**
 * The subscription counterpart of {@link ApiExceptionResolver}: a subscription that fails
 * (before or while streaming) ends with the same classified error a query would give.
 */
final class ApiSubscriptionExceptionResolver extends SubscriptionExceptionResolverAdapter {

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex) {
		return ApiErrors.toError(GraphqlErrorBuilder.newError(), ex, "a subscription");
	}

}

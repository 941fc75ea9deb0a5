package dev.devguide.cockpit.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;

/**
 * The subscription counterpart of {@link ApiExceptionResolver}: a subscription that fails
 * (before or while streaming) ends with the same classified error a query would give.
 */
final class ApiSubscriptionExceptionResolver extends SubscriptionExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(ApiSubscriptionExceptionResolver.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex) {
		if (ex instanceof ApiException api) {
			GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
				.errorType(api.type())
				.message(api.getMessage());
			if (api.field() != null) {
				builder.extensions(Map.of("field", api.field()));
			}
			return builder.build();
		}
		String reference = UUID.randomUUID().toString();
		log.error("Internal subscription error {}: {}", reference, ex.getClass().getName());
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorType.INTERNAL_ERROR)
			.message("Internal error, reference " + reference)
			.build();
	}

}

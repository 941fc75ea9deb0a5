package dev.devguide.cockpit.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

/**
 * Turns {@link ApiException}s into GraphQL errors with {@code extensions.classification}
 * (and {@code field}); everything else becomes an INTERNAL_ERROR with a reference id,
 * logged without message, SQL or stack trace.
 */
public final class ApiExceptionResolver extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		Throwable error = unwrap(ex);
		if (error instanceof ApiException api) {
			GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError(env)
				.errorType(api.type())
				.message(api.getMessage());
			if (api.field() != null) {
				builder.extensions(Map.of("field", api.field()));
			}
			return builder.build();
		}
		String reference = UUID.randomUUID().toString();
		log.error("Internal error {} at {}: {}", reference, env.getExecutionStepInfo().getPath(),
				error.getClass().getName());
		return GraphqlErrorBuilder.newError(env)
			.errorType(ErrorType.INTERNAL_ERROR)
			.message("Internal error, reference " + reference)
			.build();
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable current = ex;
		while ((current instanceof java.util.concurrent.CompletionException
				|| current instanceof java.util.concurrent.ExecutionException) && current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}

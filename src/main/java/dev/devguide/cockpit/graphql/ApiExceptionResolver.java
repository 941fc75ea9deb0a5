package dev.devguide.cockpit.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;

/**
 * Classifies the errors of queries and mutations with {@link ApiErrors}: an
 * {@link ApiException} keeps its {@code extensions.classification} (and {@code field});
 * anything else becomes an opaque INTERNAL_ERROR.
 */
public final class ApiExceptionResolver extends DataFetcherExceptionResolverAdapter {

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		return ApiErrors.toError(GraphqlErrorBuilder.newError(env), ex, env.getExecutionStepInfo().getPath());
	}

}

package dev.devguide.cockpit.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;

/**
 * Turns an exception into the GraphQL error a caller sees, for queries, mutations and
 * subscriptions alike: an {@link ApiException} keeps its classification, message and
 * field; anything else becomes INTERNAL_ERROR with a reference id, logged without
 * message, SQL or stack trace.
 */
final class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	private ApiErrors() {
	}

	/**
	 * Completes {@code builder} (which may already carry a path and location) for
	 * {@code ex}.
	 */
	static GraphQLError toError(GraphqlErrorBuilder<?> builder, Throwable ex, Object where) {
		Throwable error = unwrap(ex);
		if (error instanceof ApiException api) {
			builder.errorType(api.type()).message(api.getMessage());
			if (api.field() != null) {
				builder.extensions(Map.of("field", api.field()));
			}
			return builder.build();
		}
		if (error instanceof AbortExecutionException) {
			// The request was cancelled (its client went away): every field still running
			// ends this way, and nobody will read the answer. Not a server fault, and one
			// line per field would flood the log.
			log.debug("Cancelled at {}", where);
			return builder.errorType(ErrorType.INTERNAL_ERROR).message("The request was cancelled").build();
		}
		String reference = UUID.randomUUID().toString();
		log.error("Internal error {} at {}: {}", reference, where, error.getClass().getName());
		return builder.errorType(ErrorType.INTERNAL_ERROR).message("Internal error, reference " + reference).build();
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable current = ex;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}

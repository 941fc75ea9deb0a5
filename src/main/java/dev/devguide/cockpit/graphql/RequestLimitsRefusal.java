package dev.devguide.cockpit.graphql;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A request refused by one of the limits of {@link RequestLimits}: a GraphQL error whose
 * {@code extensions} say which limit ({@code limit}, its setting's name), its value
 * ({@code maximum}) and, where known, the request's figure ({@code actual}); a
 * {@code RATE_LIMITED} refusal also says after how many seconds to retry
 * ({@code retryAfter}). The answer holds this error and no data.
 */
final class RequestLimitsRefusal extends AbortExecutionException {

	/** The classifications of the refusals, beside Spring's ErrorType ones. */
	enum Classification implements ErrorClassification {

		/** The request is too large to run: its depth, fields, cost or result nodes. */
		QUERY_TOO_COMPLEX,
		/** Too many of the caller's requests at once, or too much cost per minute. */
		RATE_LIMITED,
		/** The request ran longer than the timeout and was cancelled. */
		TIMEOUT

	}

	private final Classification classification;

	private final Map<String, Object> extensions;

	private RequestLimitsRefusal(Classification classification, String message, Map<String, Object> extensions) {
		super(message);
		this.classification = classification;
		this.extensions = extensions;
	}

	private static RequestLimitsRefusal of(Classification classification, String message, String limit, long maximum,
			long actual) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("limit", limit);
		extensions.put("maximum", maximum);
		if (actual >= 0) {
			extensions.put("actual", actual);
		}
		return new RequestLimitsRefusal(classification, message, extensions);
	}

	/** A refusal without the request's figure. */
	private static RequestLimitsRefusal of(Classification classification, String message, String limit, long maximum) {
		return of(classification, message, limit, maximum, -1);
	}

	static RequestLimitsRefusal cost(long cost, long maxCost) {
		return of(Classification.QUERY_TOO_COMPLEX,
				"The query's cost " + number(cost) + " exceeds the limit " + number(maxCost)
						+ " (cockpit.limits.max-cost); ask for fewer items (first) or fewer fields",
				"max-cost", maxCost, cost);
	}

	/** In graphql-java's words (its depth check's), with the setting. */
	static RequestLimitsRefusal depth(int depth, int maxDepth) {
		return of(Classification.QUERY_TOO_COMPLEX,
				"maximum query depth exceeded " + depth + " > " + maxDepth + " (cockpit.graphql.max-depth)",
				"max-depth", maxDepth, depth);
	}

	static RequestLimitsRefusal tooManyFields(int maxFields) {
		return of(Classification.QUERY_TOO_COMPLEX,
				"The query selects more than " + number(maxFields)
						+ " fields with its fragments expanded and its aliases counted, the limit "
						+ "(cockpit.limits.max-fields)",
				"max-fields", maxFields);
	}

	static RequestLimitsRefusal resultNodes(long maxNodes) {
		return of(Classification.QUERY_TOO_COMPLEX,
				"The result grew past " + number(maxNodes)
						+ " fields, the limit (cockpit.limits.max-result-nodes); the request was stopped "
						+ "and nothing is returned",
				"max-result-nodes", maxNodes);
	}

	static RequestLimitsRefusal timeout(Duration timeout) {
		return of(Classification.TIMEOUT,
				"The request ran longer than the limit of " + timeout.toMillis()
						+ " ms (cockpit.limits.timeout) and was cancelled; nothing is returned",
				"timeout", timeout.toMillis());
	}

	static RequestLimitsRefusal concurrent(int maxConcurrent) {
		RequestLimitsRefusal refusal = of(Classification.RATE_LIMITED,
				"This caller already has " + maxConcurrent
						+ " requests running, the limit (cockpit.limits.max-concurrent); retry after 1 s",
				"max-concurrent", maxConcurrent);
		refusal.extensions.put("retryAfter", 1L);
		return refusal;
	}

	static RequestLimitsRefusal costRate(long cost, long left, long perMinute, long retryAfterSeconds) {
		RequestLimitsRefusal refusal = of(Classification.RATE_LIMITED,
				"The query's cost " + number(cost) + " exceeds the " + number(left) + " left of this caller's limit of "
						+ number(perMinute) + " per minute (cockpit.limits.cost-per-minute); retry after "
						+ retryAfterSeconds + " s",
				"cost-per-minute", perMinute, cost);
		refusal.extensions.put("retryAfter", retryAfterSeconds);
		return refusal;
	}

	private static String number(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	Classification classification() {
		return classification;
	}

	/** The error the caller sees. */
	GraphQLError error() {
		return GraphqlErrorBuilder.newError()
			.errorType(classification)
			.message(getMessage())
			.extensions(extensions)
			.build();
	}

	/**
	 * An answer holding this error and no data (also how graphql-java answers it when it
	 * is thrown before execution).
	 */
	@Override
	public ExecutionResult toExecutionResult() {
		return ExecutionResult.newExecutionResult().addError(error()).build();
	}

}

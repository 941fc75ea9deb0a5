package dev.devguide.cockpit.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The one instrumentation of the schema (one, so that graphql-java runs no chain of them
 * at every field): refuses queries deeper than the configured depth before they run, and
 * makes graphql-java publish a subscription's results in the order of its source events.
 * By default it publishes each result as soon as its selection completes: an event whose
 * selection waits for a DataLoader (say {@code change.sourceModule}) is then overtaken by
 * a later event that needs no read, and a subscriber sees the project's events out of
 * commit order. The {@link RequestLimits} (depth and cost before execution, fields
 * resolved during it) are checked here too.
 */
final class CockpitInstrumentation extends SimplePerformantInstrumentation {

	private final int maxDepth;

	private final RequestLimits limits;

	CockpitInstrumentation(int maxDepth, RequestLimits limits) {
		this.maxDepth = maxDepth;
		this.limits = limits;
	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new RequestLimits.State();
	}

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		limits.beforeExecution(parameters.getExecutionContext(), limitsState(state), maxDepth);
		return null;
	}

	@Override
	public @Nullable InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
			InstrumentationState state) {
		limits.onField(parameters, limitsState(state));
		return null;
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		return CompletableFuture.completedFuture(limits.result(result, limitsState(state)));
	}

	private static RequestLimits.State limitsState(@Nullable InstrumentationState state) {
		// createState makes one for every execution.
		return (RequestLimits.State) Objects.requireNonNull(state);
	}

	@Override
	public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		input.getGraphQLContext().put(SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true);
		return input;
	}

}

package dev.devguide.cockpit.graphql;

import graphql.ExecutionInput;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

/**
 * The one instrumentation of the schema (one, so that graphql-java runs no chain of them
 * at every field): refuses queries deeper than the configured depth before they run, and
 * makes graphql-java publish a subscription's results in the order of its source events.
 * By default it publishes each result as soon as its selection completes: an event whose
 * selection waits for a DataLoader (say {@code change.sourceModule}) is then overtaken by
 * a later event that needs no read, and a subscriber sees the project's events out of
 * commit order.
 */
final class CockpitInstrumentation extends MaxQueryDepthInstrumentation {

	CockpitInstrumentation(int maxDepth) {
		super(maxDepth);
	}

	@Override
	public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		input.getGraphQLContext().put(SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true);
		return input;
	}

}

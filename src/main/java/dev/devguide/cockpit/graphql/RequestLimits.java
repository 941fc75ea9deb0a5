package dev.devguide.cockpit.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.language.OperationDefinition;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The limits that keep one request, or one caller, from hurting everyone else (README,
 * "Limits"), in the order a request meets them:
 * <ol>
 * <li>per caller, before anything runs: at most {@code maxConcurrent} requests at once
 * (RATE_LIMITED, retry after 1 s);</li>
 * <li>before execution, in {@link CockpitInstrumentation}: the static cost
 * ({@link QueryCost}) at most {@code maxCost} and the fields at most {@code maxFields}
 * (QUERY_TOO_COMPLEX); then the cost is charged to the caller's bucket of
 * {@code costPerMinute} (RATE_LIMITED with the seconds until it holds enough);</li>
 * <li>during execution: at most {@code maxResultNodes} fields resolved (execution is
 * cancelled, the answer is QUERY_TOO_COMPLEX and no data), and the request cancelled
 * after {@code timeout} (TIMEOUT, no data).</li>
 * </ol>
 * A refused request changes nothing: the checks before execution run before any field,
 * and a query stopped during execution returns no data (a mutation's root fields run one
 * after another, each in its own transaction, so a mutation stopped between two root
 * fields keeps the ones that completed; a single root field commits or rolls back whole).
 * A subscription's stream is not timed and its events are not counted: it is checked and
 * charged once, when it starts.
 * <p>
 * The per-caller counts live in this instance's memory: behind a load balancer each
 * instance grants every caller the limits on its own.
 */
@Component
@Order(0)
public class RequestLimits implements WebGraphQlInterceptor {

	private final RequestLimitsSettings settings;

	private final RequestLimitsCaller callers;

	private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

	/** Idle callers' buckets are full again after a minute, so they may be dropped. */
	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofMinutes(2))
		.maximumSize(1_000_000)
		.build();

	RequestLimits(RequestLimitsSettings settings, RequestLimitsCaller callers) {
		this.settings = settings;
		this.callers = callers;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return callers.current().map(identity -> {
			request.configureExecutionInput((input,
					builder) -> builder.graphQLContext(Map.of(RequestLimitsCaller.Identity.class, identity)).build());
			return identity;
		}).flatMap(identity -> {
			int limit = limit(settings.maxConcurrent(), identity);
			AtomicInteger count = running.compute(identity.user(),
					(user, current) -> current == null ? new AtomicInteger(1) : increment(current));
			if (count.get() > limit) {
				release(identity.user());
				return Mono.just(refused(request, RequestLimitsRefusal.concurrent(limit)));
			}
			return timed(request, chain).doFinally(signal -> release(identity.user()));
		}).switchIfEmpty(Mono.defer(() -> timed(request, chain)));
	}

	private static AtomicInteger increment(AtomicInteger current) {
		current.incrementAndGet();
		return current;
	}

	private void release(String user) {
		running.computeIfPresent(user, (key, current) -> current.decrementAndGet() == 0 ? null : current);
	}

	/** The running requests of {@code user} on this instance. */
	int running(String user) {
		AtomicInteger count = running.get(user);
		return count == null ? 0 : count.get();
	}

	private Mono<WebGraphQlResponse> timed(WebGraphQlRequest request, Chain chain) {
		// On timeout the execution is cancelled: Spring cancels graphql-java's execution
		// input, and no further field starts.
		return chain.next(request)
			.timeout(settings.timeout(),
					Mono.fromSupplier(() -> refused(request, RequestLimitsRefusal.timeout(settings.timeout()))));
	}

	private static WebGraphQlResponse refused(WebGraphQlRequest request, RequestLimitsRefusal refusal) {
		return new WebGraphQlResponse(
				new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refusal.toExecutionResult()));
	}

	private long limit(long value, RequestLimitsCaller.Identity identity) {
		return identity.elevated() ? value * settings.elevatedFactor() : value;
	}

	private int limit(int value, RequestLimitsCaller.Identity identity) {
		return (int) Math.min(Integer.MAX_VALUE, limit((long) value, identity));
	}

	/** One execution's count of resolved fields, and the refusal that stopped it. */
	static final class State implements InstrumentationState {

		private final AtomicLong nodes = new AtomicLong();

		private volatile boolean counting;

		private volatile @Nullable RequestLimitsRefusal refusal;

	}

	/**
	 * Before the operation runs: refuses it if deeper than {@code maxDepth} (in
	 * graphql-java's words) or too costly, then charges its cost to the caller. Throws
	 * the refusal.
	 */
	void beforeExecution(ExecutionContext context, State state, int maxDepth) {
		QueryCost.Measure measure = QueryCost.of(context.getGraphQLSchema(), context.getOperationDefinition(),
				context.getFragmentsByName(), context.getCoercedVariables(), settings.listEstimate(),
				settings.maxFields());
		if (measure.depth() > maxDepth) {
			throw RequestLimitsRefusal.depth(measure.depth(), maxDepth);
		}
		long cost = measure.cost();
		if (cost > settings.maxCost()) {
			throw RequestLimitsRefusal.cost(cost, settings.maxCost());
		}
		RequestLimitsCaller.Identity identity = context.getGraphQLContext().get(RequestLimitsCaller.Identity.class);
		if (identity != null && settings.costPerMinute() > 0) {
			long perMinute = limit(settings.costPerMinute(), identity);
			Bucket bucket = Objects.requireNonNull(buckets.get(identity.user(),
					user -> Bucket.builder()
						.addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
						.build()));
			ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(cost);
			if (!probe.isConsumed()) {
				long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() - 1) + 1);
				throw RequestLimitsRefusal.costRate(cost, probe.getRemainingTokens(), perMinute, seconds);
			}
		}
		state.counting = context.getOperationDefinition().getOperation() != OperationDefinition.Operation.SUBSCRIPTION;
	}

	/** Counts a field about to be resolved; past the cap, cancels the execution. */
	void onField(InstrumentationFieldParameters parameters, State state) {
		if (state.counting && state.nodes.incrementAndGet() > settings.maxResultNodes() && state.refusal == null) {
			state.refusal = RequestLimitsRefusal.resultNodes(settings.maxResultNodes());
			parameters.getExecutionContext().getExecutionInput().cancel();
		}
	}

	/** The result, or only the refusal when the result-node cap stopped it. */
	ExecutionResult result(ExecutionResult result, State state) {
		RequestLimitsRefusal refusal = state.refusal;
		return refusal == null ? result : refusal.toExecutionResult();
	}

}

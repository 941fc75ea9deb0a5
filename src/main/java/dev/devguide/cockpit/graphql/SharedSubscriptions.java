package dev.devguide.cockpit.graphql;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLContext;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * Renders each subscription event once for all the subscribers that would receive the
 * same result, instead of executing the selection and writing the JSON once per
 * subscriber: over WebSocket and SSE alike.
 * <p>
 * Subscribers share a rendering when they sent the same document, operation name and
 * variables and have equal {@link Audience audiences}. A subscription field opts in by
 * declaring, with {@link #admitWith}, the access check that its own stream starts with; a
 * subscriber joining a running rendering passes that check first, so it only ever
 * receives what its own subscription would. A field that declares none is never shared,
 * and must not when it has to start at a given point (a resume cursor), which a running
 * rendering may have passed.
 * <p>
 * A joining subscriber receives the shared stream from where it is: events that the
 * instance had not yet delivered when it subscribed, which can include events committed
 * just before (as an unshared subscription can, since it starts from the newest event
 * this instance has read). Each subscriber has a buffer of {@value #BUFFER} rendered
 * events; one that falls that far behind the others ends with an error saying so, rather
 * than holding back every other subscriber or growing without bound. Its events stay in
 * the outbox, to resume from with the last cursor it received.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class SharedSubscriptions implements WebGraphQlInterceptor, DisposableBean {

	static final int BUFFER = 1024;

	private static final String ADMISSION = SharedSubscriptions.class.getName() + ".admission";

	private final Audience audience;

	private final JsonMapper json;

	private final Map<Key, Group> groups = new ConcurrentHashMap<>();

	private final Scheduler scheduler = Schedulers.newParallel("subscription-fan-out",
			Runtime.getRuntime().availableProcessors(), true);

	/** One worker a core: each runs its tasks in order, on one thread. */
	private final List<Scheduler.Worker> fanOut;

	private final AtomicInteger members = new AtomicInteger();

	SharedSubscriptions(Audience audience, JsonMapper json) {
		this.audience = audience;
		this.json = json;
		this.fanOut = IntStream.range(0, Runtime.getRuntime().availableProcessors())
			.mapToObj(i -> scheduler.createWorker())
			.toList();
	}

	@Override
	public void destroy() {
		scheduler.dispose();
	}

	/**
	 * Lets the subscription being fetched share its renderings: {@code access} is the
	 * check its own stream starts with (an error when the caller may not subscribe).
	 */
	public static void admitWith(DataFetchingEnvironment env, Mono<?> access, Joining joining) {
		admitWith(env.getGraphQlContext(), access, joining);
	}

	static void admitWith(GraphQLContext context, Mono<?> access, Joining joining) {
		context.put(ADMISSION, new Admission(access, joining));
	}

	/** When a subscriber may join a running rendering. */
	public enum Joining {

		/** At any time: a live subscription, from now on. */
		ANY_TIME,

		/**
		 * Only before it delivered anything: a subscription that starts at a given point
		 * (a resume cursor), which a rendering that delivered has passed.
		 */
		BEFORE_FIRST_RESULT

	}

	private record Admission(Mono<?> access, Joining joining) {
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).flatMap(response -> {
			Admission admission = admission(response);
			if (!(response.getData() instanceof Publisher<?> events) || !response.getErrors().isEmpty()
					|| admission == null) {
				return Mono.just(response);
			}
			@SuppressWarnings("unchecked")
			Publisher<ExecutionResult> results = (Publisher<ExecutionResult>) events;
			// The subscription itself is subscribed to outside this request's Reactor
			// context (Spring restores it into the fetchers' streams): the access check
			// of a joining subscriber gets it back the same way.
			return Mono.deferContextual(context -> audience.current()
				.map(viewer -> new Key(request.getDocument(), request.getOperationName(), request.getVariables(),
						viewer))
				.map(key -> response.transform(builder -> builder
					.data(subscribe(key, admission.joining(), admission.access().contextWrite(context), results))))
				// an anonymous caller has no audience; its own stream refuses it
				.onErrorResume(ApiException.class, error -> Mono.just(response)));
		});
	}

	private static @Nullable Admission admission(WebGraphQlResponse response) {
		GraphQLContext context = response.getExecutionInput().getGraphQLContext();
		return context.get(ADMISSION);
	}

	/**
	 * The rendered results for one subscriber: a running rendering of its key, after its
	 * own access check, or a new one fed by its own results (which start with that
	 * check).
	 */
	private Flux<ExecutionResult> subscribe(Key key, Joining joining, Mono<?> access, Publisher<ExecutionResult> own) {
		return Flux.defer(() -> {
			Flux<ExecutionResult> joined = join(key, joining, own, false);
			return joined != null ? joined : access.onErrorMap(SharedSubscriptions::resolved)
				.thenMany(Flux.defer(() -> Objects.requireNonNull(join(key, joining, own, true))));
		});
	}

	/**
	 * Joins the running rendering of {@code key}, or starts one with {@code own}, or runs
	 * {@code own} alone when the running one can no longer be joined; null when one runs
	 * but the subscriber has not been {@code admitted} yet.
	 */
	private @Nullable Flux<ExecutionResult> join(Key key, Joining joining, Publisher<ExecutionResult> own,
			boolean admitted) {
		Member member = new Member();
		Group[] started = new Group[1];
		boolean[] alone = new boolean[1];
		groups.compute(key, (k, group) -> {
			if (group == null) {
				started[0] = new Group(k);
				started[0].add(member);
				return started[0];
			}
			if (joining == Joining.BEFORE_FIRST_RESULT && group.delivered) {
				alone[0] = true;
			}
			else if (admitted) {
				group.add(member);
			}
			return group;
		});
		if (alone[0]) {
			return Flux.from(own);
		}
		if (started[0] != null) {
			started[0].start(own);
		}
		else if (!admitted) {
			return null;
		}
		return member.sink.asFlux().doFinally(signal -> leave(key, member));
	}

	private void leave(Key key, Member member) {
		Group[] emptied = new Group[1];
		groups.computeIfPresent(key, (k, group) -> {
			group.remove(member);
			if (group.size() == 0) {
				emptied[0] = group;
				return null;
			}
			return group;
		});
		if (emptied[0] != null) {
			emptied[0].stop();
		}
	}

	/** How many distinct renderings run now. */
	public int renderings() {
		return groups.size();
	}

	/** How many subscribers receive a shared rendering now. */
	public int subscribers() {
		return groups.values().stream().mapToInt(Group::size).sum();
	}

	/** The rendering of one result: its JSON written once, kept as bytes. */
	private ExecutionResult render(ExecutionResult result) {
		Map<String, Object> specification = result.toSpecification();
		Map<String, Object> rendered = new LinkedHashMap<>();
		specification.forEach((name, value) -> rendered.put(name,
				new RawValue(new SerializedString(json.writeValueAsString(value)))));
		return new Rendered(result, rendered);
	}

	/**
	 * An error of this class's own, as the transports expect a subscription's errors:
	 * resolved to GraphQL errors (those of the streams it consumes already are).
	 */
	private static SubscriptionPublisherException resolved(Throwable error) {
		return new SubscriptionPublisherException(
				List.of(ApiErrors.toError(GraphqlErrorBuilder.newError(), error, "a subscription")), error);
	}

	private void ended(Group group) {
		groups.remove(group.key, group);
	}

	/**
	 * What decides a rendering: two subscribers with equal keys receive equal results.
	 */
	private record Key(String document, @Nullable String operationName, Map<String, Object> variables,
			Object audience) {
	}

	private final class Member {

		/** Which fan-out worker writes to this subscriber. */
		final int slice = Math.floorMod(members.getAndIncrement(), fanOut.size());

		final Sinks.Many<ExecutionResult> sink = Sinks.many()
			.unicast()
			.onBackpressureBuffer(Queues.<ExecutionResult>get(BUFFER).get());

	}

	/**
	 * One rendering and its subscribers; it consumes the results of the subscriber that
	 * started it, and stops when the last subscriber leaves.
	 */
	private final class Group {

		final Key key;

		/** The subscribers, by the fan-out worker that writes to them. */
		private final List<List<Member>> slices = new ArrayList<>();

		private volatile @Nullable Disposable upstream;

		private volatile boolean stopped;

		/** Set before the first result reaches any subscriber. */
		volatile boolean delivered;

		Group(Key key) {
			this.key = key;
			for (int i = 0; i < fanOut.size(); i++) {
				slices.add(new CopyOnWriteArrayList<>());
			}
		}

		void add(Member member) {
			slices.get(member.slice).add(member);
		}

		void remove(Member member) {
			slices.get(member.slice).remove(member);
		}

		int size() {
			return slices.stream().mapToInt(List::size).sum();
		}

		void start(Publisher<ExecutionResult> results) {
			Disposable subscription = Flux.from(results)
				.map(SharedSubscriptions.this::render)
				.subscribe(this::deliver, this::fail, this::complete);
			upstream = subscription;
			if (stopped) {
				subscription.dispose();
			}
		}

		void stop() {
			stopped = true;
			Disposable subscription = upstream;
			if (subscription != null) {
				subscription.dispose();
			}
		}

		private void deliver(ExecutionResult result) {
			if (!delivered) {
				// under the registry's lock, so that no one joins a rendering that has
				// begun
				groups.computeIfPresent(key, (k, group) -> {
					group.delivered = true;
					return group;
				});
				delivered = true;
			}
			each(member -> {
				Sinks.EmitResult emitted = member.sink.tryEmitNext(result);
				if (emitted == Sinks.EmitResult.FAIL_OVERFLOW) {
					member.sink.tryEmitError(
							resolved(new ApiException(ErrorType.BAD_REQUEST, null, "This subscriber fell " + BUFFER
									+ " events behind; subscribe again, with after set to the last cursor received")));
				}
			});
		}

		private void fail(Throwable error) {
			ended(this);
			each(member -> member.sink.tryEmitError(error));
		}

		private void complete() {
			ended(this);
			each(member -> member.sink.tryEmitComplete());
		}

		/**
		 * Runs {@code signal} for every subscriber, on the fan-out worker of its slice:
		 * in the order of the calls for each subscriber, off the thread that produced the
		 * result (a database connection's event loop, which other requests wait for).
		 */
		private void each(Consumer<Member> signal) {
			for (int i = 0; i < slices.size(); i++) {
				List<Member> slice = slices.get(i);
				if (!slice.isEmpty()) {
					fanOut.get(i).schedule(() -> slice.forEach(signal));
				}
			}
		}

	}

	/** A result whose JSON is already written; Jackson copies the bytes. */
	private static final class Rendered extends ExecutionResultImpl {

		private final Map<String, Object> specification;

		Rendered(ExecutionResult result, Map<String, Object> specification) {
			super(result.getData(), result.getErrors(), result.getExtensions());
			this.specification = specification;
		}

		@Override
		public Map<String, Object> toSpecification() {
			return specification;
		}

	}

}

package dev.devguide.cockpit.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import dev.devguide.cockpit.graphql.SharedSubscriptions.Joining;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * The rules of shared renderings, with graphql-java's side played by a source of results
 * that counts how often it is executed (subscribed to).
 */
class SharedSubscriptionsTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static final String DOCUMENT = "subscription { ticks }";

	private final Sinks.Many<ExecutionResult> events = Sinks.many().multicast().directBestEffort();

	private final AtomicInteger executions = new AtomicInteger();

	private final AtomicInteger cancellations = new AtomicInteger();

	/** The audience is whatever the subscriber's Reactor context says. */
	private final SharedSubscriptions shared = new SharedSubscriptions(
			() -> Mono.deferContextual(context -> Mono.just(context.get("audience"))), JsonMapper.builder().build());

	@Test
	void subscribersOfTheSameSubscriptionShareOneExecutionAndItsJson() {
		StepVerifier.create(subscribe("alice", Map.of(), Mono.empty()).take(2))
			.then(() -> StepVerifier.create(subscribe("alice", Map.of(), Mono.empty()).take(2))
				.then(() -> emit(1))
				.assertNext(result -> assertRendered(result, "{\"ticks\":1}"))
				.then(() -> emit(2))
				.assertNext(result -> assertRendered(result, "{\"ticks\":2}"))
				.expectComplete()
				.verify(WAIT))
			.assertNext(result -> assertRendered(result, "{\"ticks\":1}"))
			.assertNext(result -> assertRendered(result, "{\"ticks\":2}"))
			.expectComplete()
			.verify(WAIT);
		assertThat(executions).hasValue(1);
	}

	@Test
	void otherVariablesOrAnotherAudienceGetARenderingOfTheirOwn() {
		List<Flux<ExecutionResult>> subscribers = List.of(subscribe("alice", Map.of("p", "1"), Mono.empty()),
				subscribe("alice", Map.of("p", "2"), Mono.empty()), subscribe("bob", Map.of("p", "1"), Mono.empty()));
		List<reactor.core.Disposable> running = new ArrayList<>();
		subscribers.forEach(subscriber -> running.add(subscriber.subscribe()));
		assertThat(executions).hasValue(3);
		assertThat(shared.renderings()).isEqualTo(3);
		running.forEach(reactor.core.Disposable::dispose);
	}

	@Test
	void aSubscriberJoiningARunningRenderingPassesItsOwnAccessCheckFirst() {
		StepVerifier.create(subscribe("alice", Map.of(), Mono.empty()).take(1))
			.then(() -> StepVerifier
				.create(subscribe("alice", Map.of(), Mono.error(ApiException.forbidden("not yours any more"))))
				.expectErrorSatisfies(error -> assertClassified(error, ErrorType.FORBIDDEN, "not yours any more"))
				.verify(WAIT))
			.then(() -> emit(1))
			.assertNext(result -> assertRendered(result, "{\"ticks\":1}"))
			.expectComplete()
			.verify(WAIT);
		assertThat(executions).hasValue(1);
	}

	@Test
	void aSubscriptionFromACursorJoinsOnlyARenderingThatHasNotDeliveredYet() {
		reactor.core.Disposable first = subscribe("alice", Map.<String, Object>of(), Mono.empty(),
				Joining.BEFORE_FIRST_RESULT)
			.subscribe();
		StepVerifier
			.create(subscribe("alice", Map.<String, Object>of(), Mono.empty(), Joining.BEFORE_FIRST_RESULT).take(1))
			.then(() -> emit(1))
			.expectNextCount(1)
			.expectComplete()
			.verify(WAIT);
		assertThat(executions).as("the second joined before anything was delivered").hasValue(1);
		subscribe("alice", Map.<String, Object>of(), Mono.empty(), Joining.BEFORE_FIRST_RESULT).subscribe().dispose();
		assertThat(executions).as("the third came after and ran its own").hasValue(2);
		first.dispose();
	}

	@Test
	void aSubscriberThatFallsBehindEndsAloneAndTheOthersGetEverything() {
		int events = SharedSubscriptions.BUFFER + 1;
		StepVerifier.create(subscribe("alice", Map.of(), Mono.empty()), 0)
			.then(() -> StepVerifier.create(subscribe("alice", Map.of(), Mono.empty()).take(events)).then(() -> {
				for (int i = 1; i <= events; i++) {
					emit(i);
				}
			}).expectNextCount(events).expectComplete().verify(WAIT))
			.thenRequest(Long.MAX_VALUE)
			.expectNextCount(SharedSubscriptions.BUFFER)
			.expectErrorSatisfies(error -> assertClassified(error, ErrorType.BAD_REQUEST,
					"fell " + SharedSubscriptions.BUFFER + " events behind"))
			.verify(WAIT);
	}

	@Test
	void theLastSubscriberToLeaveStopsTheRenderingAndTheNextStartsAnother() {
		reactor.core.Disposable first = subscribe("alice", Map.of(), Mono.empty()).subscribe();
		reactor.core.Disposable second = subscribe("alice", Map.of(), Mono.empty()).subscribe();
		first.dispose();
		assertThat(cancellations).hasValue(0);
		second.dispose();
		assertThat(cancellations).hasValue(1);
		assertThat(shared.renderings()).isZero();

		subscribe("alice", Map.of(), Mono.empty()).subscribe().dispose();
		assertThat(executions).hasValue(2);
	}

	@Test
	void aSubscriptionThatDeclaresNoAccessCheckIsLeftAlone() {
		WebGraphQlResponse response = intercept("alice", Map.of(), null, Joining.ANY_TIME);
		Publisher<?> own = response.getData();
		assertThat(own).isNotNull();
		Flux.from(own).subscribe().dispose();
		Flux.from(own).subscribe().dispose();
		assertThat(executions).hasValue(2);
		assertThat(shared.renderings()).isZero();
	}

	private void emit(int ticks) {
		events.tryEmitNext(new ExecutionResultImpl(Map.of("ticks", ticks), List.of()));
	}

	/** Resolved as the transports expect a subscription's errors. */
	private static void assertClassified(Throwable error, ErrorType type, String message) {
		assertThat(error).isInstanceOfSatisfying(SubscriptionPublisherException.class,
				resolved -> assertThat(resolved.getErrors()).singleElement().satisfies(graphQlError -> {
					assertThat(graphQlError.getErrorType()).isEqualTo(type);
					assertThat(graphQlError.getMessage()).contains(message);
				}));
	}

	private static void assertRendered(ExecutionResult result, String json) {
		Object data = result.toSpecification().get("data");
		assertThat(data).isInstanceOf(RawValue.class);
		assertThat(((RawValue) data).rawValue()).hasToString(json);
	}

	private Flux<ExecutionResult> subscribe(String audience, Map<String, Object> variables, Mono<?> access) {
		return subscribe(audience, variables, access, Joining.ANY_TIME);
	}

	@SuppressWarnings("unchecked")
	private Flux<ExecutionResult> subscribe(String audience, Map<String, Object> variables, Mono<?> access,
			Joining joining) {
		return Flux.defer(
				() -> Flux.from((Publisher<ExecutionResult>) intercept(audience, variables, access, joining).getData()))
			.contextWrite(context -> context.put("audience", audience));
	}

	private WebGraphQlResponse intercept(String audience, Map<String, Object> variables, @Nullable Mono<?> access,
			Joining joining) {
		WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(),
				new LinkedMultiValueMap<>(), Map.of(), Map.of("query", DOCUMENT, "variables", variables), "1",
				Locale.ROOT);
		WebGraphQlResponse response = shared.intercept(request, next -> {
			ExecutionInput input = ExecutionInput.newExecutionInput(DOCUMENT).variables(variables).build();
			if (access != null) {
				SharedSubscriptions.admitWith(input.getGraphQLContext(), access, joining);
			}
			Flux<ExecutionResult> results = Flux.defer(() -> {
				executions.incrementAndGet();
				return events.asFlux();
			}).doOnCancel(cancellations::incrementAndGet);
			return Mono.just(new WebGraphQlResponse(
					new DefaultExecutionGraphQlResponse(input, new ExecutionResultImpl(results, List.of()))));
		}).contextWrite(context -> context.put("audience", audience)).block(WAIT);
		assertThat(response).isNotNull();
		return response;
	}

}

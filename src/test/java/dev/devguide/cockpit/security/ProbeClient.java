package dev.devguide.cockpit.security;

import dev.devguide.cockpit.security.RootFieldOperations.Operation;
import dev.devguide.cockpit.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends generated operations to the running server as a given token's user (null:
 * anonymous): queries and mutations over HTTP, subscriptions over WebSocket, and raw HTTP
 * posts to see what the security filter answers.
 */
final class ProbeClient {

	private final TestUsers users;

	ProbeClient(TestUsers users) {
		this.users = users;
	}

	HttpGraphQlTester tester(String token) {
		HttpGraphQlTester anonymous = users.anonymous();
		return token == null ? anonymous
				: anonymous.mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
	}

	/**
	 * Runs the operation and returns the response's data and errors as the client
	 * received them.
	 */
	Outcome call(String token, Operation operation) {
		if (operation.root().kind().equals("subscription")) {
			return subscribe(token, operation);
		}
		Map<String, Object> response = tester(token).document(operation.document())
			.variables(operation.variables())
			.execute()
			.returnResponse()
			.toMap();
		return Outcome.of(operation, response);
	}

	/**
	 * Posts the operation over plain HTTP, so that the status and headers can be checked.
	 */
	EntityExchangeResult<String> post(String token, Operation operation) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + users.port() + "/graphql")
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.post()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.bodyValue(Map.of("query", operation.document(), "variables", operation.variables()))
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	/**
	 * Subscribes for a few seconds and gathers the events' data and all errors into one
	 * outcome.
	 */
	private Outcome subscribe(String token, Operation operation) {
		WebSocketGraphQlTester.Builder<?> builder = WebSocketGraphQlTester
			.builder("ws://localhost:" + users.port() + "/graphql", new ReactorNettyWebSocketClient());
		if (token != null) {
			builder.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + token));
				}
			});
		}
		WebSocketGraphQlTester tester = builder.build();
		List<Object> events = new ArrayList<>();
		List<Map<String, Object>> errors = new ArrayList<>();
		try {
			tester.document(operation.document())
				.variables(operation.variables())
				.executeSubscription()
				.toFlux()
				.take(Duration.ofSeconds(3))
				.map(GraphQlTester.Response::returnResponse)
				.doOnNext(response -> {
					Outcome event = Outcome.of(operation, response.toMap());
					if (event.value() != null) {
						events.add(event.value());
					}
					errors.addAll(event.errors());
				})
				.onErrorResume(SubscriptionErrorException.class, ex -> {
					ex.getErrors().stream().map(ProbeClient::errorMap).forEach(errors::add);
					return Flux.empty();
				})
				.onErrorResume(ex -> {
					errors.add(
							Map.of("message", String.valueOf(ex), "extensions", Map.of("classification", "TRANSPORT")));
					return Flux.empty();
				})
				.blockLast(Duration.ofSeconds(30));
		}
		finally {
			tester.stop().block(Duration.ofSeconds(10));
		}
		Map<String, Object> data = events.isEmpty() ? null : Map.of(operation.root().name(), events);
		return new Outcome(operation, data, errors);
	}

	private static Map<String, Object> errorMap(ResponseError error) {
		Map<String, Object> map = new HashMap<>();
		map.put("message", error.getMessage());
		map.put("extensions", error.getExtensions());
		return map;
	}

	/**
	 * The data and errors of one response (or of a subscription's events), and the
	 * operation sent.
	 */
	record Outcome(Operation operation, Map<String, Object> data, List<Map<String, Object>> errors) {

		@SuppressWarnings("unchecked")
		static Outcome of(Operation operation, Map<String, Object> response) {
			List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getOrDefault("errors", List.of());
			return new Outcome(operation, (Map<String, Object>) response.get("data"), errors);
		}

		String label() {
			return operation.label();
		}

		/** The root field's value, or null when there is none. */
		Object value() {
			return data == null ? null : data.get(operation.root().name());
		}

		/** The {@code extensions.classification} of every error, in order. */
		List<Object> classifications() {
			return errors.stream()
				.<Object>map(error -> error.get("extensions") instanceof Map<?, ?> extensions
						? extensions.get("classification") : null)
				.toList();
		}

		@Override
		public String toString() {
			return "data=" + data + ", errors=" + errors;
		}

	}

}

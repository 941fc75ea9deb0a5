package dev.devguide.cockpit.bin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The Bin's subscriptions over server-sent events: a POST to {@code /graphql} with
 * {@code Accept: text/event-stream} streams {@code next} events in order, and a refused
 * subscription answers with its classified error.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class SubscriptionSseIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	String ownerId;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		ownerId = "sse-" + UUID.randomUUID();
		fixtures = new Fixtures(users.user(ownerId));
	}

	@Test
	void streamsSubmitValidateAndPropagateInOrder() {
		String project = fixtures.project();
		// The response starts with its first event, so the changes are made while the
		// request waits for it.
		CompletableFuture<String> changed = CompletableFuture.supplyAsync(() -> {
			String id = fixtures.submit(project, null, Map.of("k", "v"));
			fixtures.move("validateChange", id);
			fixtures.move("propagateChange", id);
			return id;
		});

		List<Map<String, Object>> events = subscribe(users.token(ownerId, List.of("user")), project, "0")
			.filter(event -> "next".equals(event.event()))
			.map(event -> (Map<String, Object>) ((Map<String, Object>) event.data().get("data"))
				.get("syncBufferStatusChanged"))
			.take(3)
			.collectList()
			.block(WAIT);

		String id = changed.join();
		assertThat(events).hasSize(3);
		SubscriptionIntegrationTests.assertStep(events.get(0), id, null, "PENDING", "createdAt");
		SubscriptionIntegrationTests.assertStep(events.get(1), id, "PENDING", "VALIDATED", "validatedAt");
		SubscriptionIntegrationTests.assertStep(events.get(2), id, "VALIDATED", "PROPAGATED", "propagatedAt");
	}

	@Test
	void refusesAnotherUsersProjectAndAMissingToken() {
		String project = fixtures.project();
		assertThat(firstError(users.token("stranger-" + UUID.randomUUID(), List.of("user")), project))
			.containsEntry("classification", "NOT_FOUND");
		assertThat(firstError(null, project)).containsEntry("classification", "UNAUTHORIZED");
	}

	private Map<String, Object> firstError(String token, String project) {
		ServerSentEvent<Map<String, Object>> first = subscribe(token, project, null).blockFirst(WAIT);
		List<Map<String, Object>> errors = (List<Map<String, Object>>) first.data().get("errors");
		assertThat(errors).hasSize(1);
		return (Map<String, Object>) errors.get(0).get("extensions");
	}

	private Flux<ServerSentEvent<Map<String, Object>>> subscribe(String token, String project, String after) {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port + "/graphql")
			.responseTimeout(WAIT)
			.build();
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("p", project);
		variables.put("after", after);
		return client.post()
			.accept(MediaType.TEXT_EVENT_STREAM)
			.contentType(MediaType.APPLICATION_JSON)
			.headers(headers -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			})
			.bodyValue(Map.of("query", SubscriptionIntegrationTests.STATUS, "variables", variables))
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody();
	}

}

package dev.devguide.cockpit.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.persistence.DatabaseEndpoint;
import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.SecondInstance;
import dev.devguide.cockpit.support.TestUsers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * An idle subscription receives keep-alives at {@code COCKPIT_KEEPALIVE_INTERVAL}: SSE
 * comments, graphql-transport-ws pings, and stays live (an event after them still
 * arrives). Both subscribers share one rendering (same document, variables and audience),
 * so this is also the shared path. A second instance runs with a short interval; the test
 * reads the keep-alives rather than waiting for a proxy's timeout.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class KeepAliveIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String STATUS = "subscription($p: ID!) { syncBufferStatusChanged(projectId: $p) { newStatus } }";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	DatabaseEndpoint database;

	@Autowired
	TestUsers users;

	@Value("${cockpit.jwt.secret}")
	String secret;

	SecondInstance second;

	@BeforeAll
	void startWithAShortInterval() {
		second = SecondInstance.start(database, secret, "--COCKPIT_KEEPALIVE_INTERVAL=200ms");
	}

	@AfterAll
	void stop() {
		second.close();
	}

	@Test
	void idleSubscriptionsGetKeepAlivesAndStayLive() {
		String owner = "keepalive-" + UUID.randomUUID();
		String token = users.token(owner, List.of("user"));
		Fixtures fixtures = new Fixtures(users.user(owner));
		String project = fixtures.project();

		Sinks.Many<Map<String, Object>> socket = Sinks.many().replay().all();
		new ReactorNettyWebSocketClient(HttpClient.newConnection())
			.execute(URI.create("ws://localhost:" + second.port() + "/graphql"), new Recording(token, project, socket))
			.subscribe();
		Flux<ServerSentEvent<Map<String, Object>>> sse = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + second.port() + "/graphql")
			.responseTimeout(WAIT)
			.build()
			.post()
			.accept(MediaType.TEXT_EVENT_STREAM)
			.contentType(MediaType.APPLICATION_JSON)
			.headers(headers -> headers.setBearerAuth(token))
			.bodyValue(Map.of("query", STATUS, "variables", Map.of("p", project)))
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.cache();
		sse.subscribe();

		// both joined one rendering: from here on, an event reaches them
		SharedSubscriptions shared = second.bean(SharedSubscriptions.class);
		assertThat(Flux.interval(Duration.ofMillis(20))
			.filter(tick -> shared.subscribers() == 2 && shared.renderings() == 1)
			.blockFirst(WAIT)).isNotNull();
		// two keep-alives on each while nothing happens
		assertThat(sse.filter(event -> event.comment() != null).take(2).collectList().block(WAIT)).hasSize(2);
		assertThat(
				socket.asFlux().filter(message -> "ping".equals(message.get("type"))).take(2).collectList().block(WAIT))
			.hasSize(2);

		fixtures.submit(project, null, Map.of("k", "v"));
		assertThat(sse.filter(event -> "next".equals(event.event())).blockFirst(WAIT).data())
			.isEqualTo(Map.of("data", Map.of("syncBufferStatusChanged", Map.of("newStatus", "PENDING"))));
		assertThat(socket.asFlux().filter(message -> "next".equals(message.get("type"))).blockFirst(WAIT))
			.containsEntry("payload",
					Map.of("data", Map.of("syncBufferStatusChanged", Map.of("newStatus", "PENDING"))));
	}

	/**
	 * A graphql-transport-ws client that records every message and answers pings, so that
	 * the pings themselves can be read.
	 */
	private record Recording(String token, String project,
			Sinks.Many<Map<String, Object>> messages) implements WebSocketHandler {

		@Override
		public List<String> getSubProtocols() {
			return List.of("graphql-transport-ws");
		}

		@Override
		public Mono<Void> handle(WebSocketSession session) {
			Sinks.Many<String> out = Sinks.many().unicast().onBackpressureBuffer();
			out.tryEmitNext(JSON.writeValueAsString(
					Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token))));
			Mono<Void> receiving = session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(text -> {
				Map<String, Object> message = JSON.readValue(text, Map.class);
				messages.tryEmitNext(message);
				switch (String.valueOf(message.get("type"))) {
					case "connection_ack" -> out.tryEmitNext(JSON.writeValueAsString(Map.of("id", "1", "type",
							"subscribe", "payload", Map.of("query", STATUS, "variables", Map.of("p", project)))));
					case "ping" -> out.tryEmitNext("{\"type\":\"pong\"}");
					default -> {
					}
				}
			}).then();
			return session.send(out.asFlux().map(session::textMessage)).and(receiving);
		}

	}

}

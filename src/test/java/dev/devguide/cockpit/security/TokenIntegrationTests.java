package dev.devguide.cockpit.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client sees for a missing, a malformed and an expired (or forged) token, over
 * HTTP, server-sent events and WebSocket, as README.md documents it. A request without a
 * token is anonymous: it runs, and every root field answers UNAUTHORIZED (introspection
 * still works). A token that is present but fails verification is refused before any
 * GraphQL runs: HTTP 401 with {@code WWW-Authenticate: Bearer error="invalid_token"} (RFC
 * 6750, as Spring Security's resource server answers), and on WebSocket the connection is
 * closed with 4401 at {@code connection_init}.
 */
@IntegrationTest
class TokenIntegrationTests {

	// language=GraphQL
	private static final String QUERY = "{ projects(first: 1) { totalCount } }";

	// language=GraphQL
	private static final String SUBSCRIPTION = "subscription { syncBufferStatusChanged(projectId: \"p\") { cursor } }";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	TestUsers users;

	@Test
	void withoutATokenEveryRootFieldAnswersUnauthorizedOnEveryTransport() {
		EntityExchangeResult<String> http = post(null, MediaType.APPLICATION_JSON, QUERY);
		assertThat(http.getStatus().value()).isEqualTo(200);
		assertThat(classification(JSON.readValue(http.getResponseBody(), Map.class))).isEqualTo("UNAUTHORIZED");

		EntityExchangeResult<String> sse = post(null, MediaType.TEXT_EVENT_STREAM, SUBSCRIPTION);
		assertThat(sse.getStatus().value()).isEqualTo(200);
		assertThat(sse.getResponseBody()).contains("event:next").contains("\"classification\":\"UNAUTHORIZED\"");

		SocketOutcome socket = socket(null);
		assertThat(socket.messages()).first().asString().contains("connection_ack");
		assertThat(socket.messages()).last().asString().contains("\"type\":\"error\"").contains("UNAUTHORIZED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "malformed", "expired", "forged" })
	void aTokenThatFailsVerificationIsRefusedBeforeAnyGraphQlRuns(String kind) {
		String token = token(kind);
		for (MediaType accept : List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)) {
			EntityExchangeResult<String> result = post(token, accept,
					accept.equals(MediaType.TEXT_EVENT_STREAM) ? SUBSCRIPTION : QUERY);
			assertThat(result.getStatus().value()).as("%s token, Accept %s", kind, accept).isEqualTo(401);
			assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer")
				.contains("error=\"invalid_token\"");
			assertThat(result.getResponseBody()).as("no GraphQL response").isNull();
		}

		SocketOutcome socket = socket(token);
		assertThat(socket.close().getCode()).as("%s token: WebSocket close code", kind).isEqualTo(4401);
		assertThat(socket.messages()).as("nothing is acknowledged or executed").isEmpty();
	}

	private String token(String kind) {
		return switch (kind) {
			case "malformed" -> "not-a-jwt";
			case "expired" -> users.expiredToken("token-tests", List.of("user"));
			case "forged" -> forged();
			default -> throw new IllegalArgumentException(kind);
		};
	}

	/** A valid token with its signature's first characters changed. */
	private String forged() {
		String token = users.token("token-tests", List.of("user", "admin"));
		int signature = token.lastIndexOf('.') + 1;
		char first = token.charAt(signature);
		return token.substring(0, signature) + (first == 'A' ? 'B' : 'A') + token.substring(signature + 1);
	}

	private EntityExchangeResult<String> post(String token, MediaType accept, String query) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + users.port() + "/graphql")
			.responseTimeout(WAIT)
			.build()
			.post()
			.contentType(MediaType.APPLICATION_JSON)
			.accept(accept)
			.headers(headers -> {
				if (token != null) {
					headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
				}
			})
			.bodyValue(Map.of("query", query))
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	/**
	 * Speaks graphql-transport-ws by hand: connection_init (with the token, if any),
	 * subscribe once acknowledged, and record every message and the close status.
	 */
	private SocketOutcome socket(String token) {
		List<String> messages = new CopyOnWriteArrayList<>();
		AtomicReference<CloseStatus> closed = new AtomicReference<>();
		Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
		Map<String, Object> init = token == null ? Map.of("type", "connection_init")
				: Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token));
		outgoing.tryEmitNext(JSON.writeValueAsString(init));
		WebSocketHandler handler = new WebSocketHandler() {

			@Override
			public List<String> getSubProtocols() {
				return List.of("graphql-transport-ws");
			}

			@Override
			public Mono<Void> handle(WebSocketSession session) {
				Mono<Void> send = session.send(outgoing.asFlux().map(session::textMessage));
				Mono<Void> receive = session.receive().map(WebSocketMessage::getPayloadAsText).concatMap(message -> {
					messages.add(message);
					if (message.contains("connection_ack")) {
						outgoing.tryEmitNext(JSON.writeValueAsString(
								Map.of("id", "1", "type", "subscribe", "payload", Map.of("query", SUBSCRIPTION))));
						return Mono.empty();
					}
					outgoing.tryEmitComplete();
					return session.close();
				}).then();
				return Mono.when(send, receive, session.closeStatus().doOnNext(closed::set));
			}

		};
		new ReactorNettyWebSocketClient().execute(URI.create("ws://localhost:" + users.port() + "/graphql"), handler)
			.block(WAIT);
		return new SocketOutcome(messages, closed.get());
	}

	@SuppressWarnings("unchecked")
	private static Object classification(Map<?, ?> response) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) response.get("errors");
		assertThat(errors).hasSize(1);
		return ((Map<String, Object>) errors.get(0).get("extensions")).get("classification");
	}

	private record SocketOutcome(List<String> messages, CloseStatus close) {
	}

}

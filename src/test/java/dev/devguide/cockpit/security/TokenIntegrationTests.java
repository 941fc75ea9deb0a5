package dev.devguide.cockpit.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.GraphQlSockets;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TokenClaims;
import dev.devguide.cockpit.support.TestUsers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client sees for a missing token and for each kind of refused one, over HTTP,
 * server-sent events and WebSocket, as README.md documents it. A request without a token
 * is anonymous: it runs, and every root field answers UNAUTHORIZED (introspection still
 * works). A token that is present but refused is answered before any GraphQL runs: HTTP
 * 401 with {@code WWW-Authenticate: Bearer error="invalid_token", error_description=...}
 * (RFC 6750) and a GraphQL-shaped body naming the reason, and on WebSocket the connection
 * is closed with 4401 and the reason at {@code connection_init}. The rules' settings
 * variants (issuer, audience, other limits) are in {@link TokenRulesTests}.
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
	@CsvSource({ "malformed, malformed", "expired, expired", "forged, invalid_signature", "no sub, invalid_claims",
			"empty sub, invalid_claims", "blank sub, invalid_claims", "256-character sub, invalid_claims",
			"roles 'admin', invalid_claims", "roles 'user admin', invalid_claims", "no roles, invalid_claims",
			"no exp, invalid_claims", "lifetime over the maximum, invalid_claims",
			"iat beyond the allowance, not_yet_valid", "nbf beyond the allowance, not_yet_valid" })
	void aRefusedTokenIsAnsweredBeforeAnyGraphQlRunsWithItsReasonOnEveryTransport(String kind, String reason) {
		String token = token(kind);
		for (MediaType accept : List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)) {
			EntityExchangeResult<String> result = post(token, accept,
					accept.equals(MediaType.TEXT_EVENT_STREAM) ? SUBSCRIPTION : QUERY);
			assertRefusal(result, reason, "%s token, Accept %s".formatted(kind, accept));
			assertThat(result.getResponseBody()).as("the token is never echoed").doesNotContain(token);
		}

		SocketOutcome socket = socket(token);
		assertThat(socket.close().getCode()).as("%s token: WebSocket close code", kind).isEqualTo(4401);
		assertThat(socket.close().getReason()).as("%s token: WebSocket close reason", kind)
			.isEqualTo("Unauthorized: " + reason);
		assertThat(socket.messages()).as("nothing is acknowledged or executed").isEmpty();
	}

	@Test
	void aTokenForAPathThatNeedsOneIsMissing() {
		EntityExchangeResult<String> result = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + users.port())
			.build()
			.get()
			.uri("/actuator/env")
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertThat(result.getStatus().value()).isEqualTo(401);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
		assertThat(reason(result)).isEqualTo("missing");
	}

	@Test
	void iatInTheFutureWithinTheAllowanceAndA255CharacterSubAreAccepted() {
		Map<String, Object> soon = TokenClaims.valid("token-tests-soon");
		soon.put("iat", TokenClaims.inSeconds(Duration.ofSeconds(10)));
		Map<String, Object> longest = TokenClaims.valid("t".repeat(255));
		for (Map<String, Object> claims : List.of(soon, longest)) {
			EntityExchangeResult<String> result = post(users.signed(claims), MediaType.APPLICATION_JSON, QUERY);
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(result.getResponseBody()).contains("\"totalCount\"").doesNotContain("errors");
		}
	}

	@Test
	void anUnknownRoleIsIgnored() {
		Map<String, Object> claims = TokenClaims.valid("token-tests-unknown-role");
		claims.put("roles", List.of("user", "ADMIN", "superuser"));
		EntityExchangeResult<String> result = post(users.signed(claims), MediaType.APPLICATION_JSON,
				"mutation { createProject(input: {name: \"p\", ownerUserId: \"someone-else\"}) { id } }");
		assertThat(result.getStatus().value()).as("the token is accepted").isEqualTo(200);
		assertThat(classification(JSON.readValue(result.getResponseBody(), Map.class)))
			.as("but ADMIN and superuser are no roles: the caller is a user")
			.isEqualTo("FORBIDDEN");
	}

	static void assertRefusal(EntityExchangeResult<String> result, String reason, String what) {
		assertThat(result.getStatus().value()).as(what).isEqualTo(401);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(what)
			.startsWith("Bearer error=\"invalid_token\", error_description=\"");
		assertThat(result.getResponseHeaders().getContentType()).as(what).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(reason(result)).as(what).isEqualTo(reason);
	}

	@SuppressWarnings("unchecked")
	private static Object reason(EntityExchangeResult<String> result) {
		Map<String, Object> body = JSON.readValue(result.getResponseBody(), Map.class);
		assertThat(classification(body)).isEqualTo("UNAUTHORIZED");
		Map<String, Object> error = ((List<Map<String, Object>>) body.get("errors")).get(0);
		assertThat(error.get("message")).asString().isNotBlank();
		return ((Map<String, Object>) error.get("extensions")).get("reason");
	}

	private String token(String kind) {
		Map<String, Object> claims = TokenClaims.valid("token-tests");
		switch (kind) {
			case "malformed" -> {
				return "not-a-jwt";
			}
			case "expired" -> {
				return users.expiredToken("token-tests", List.of("user"));
			}
			case "forged" -> {
				return forged();
			}
			case "no sub" -> claims.remove("sub");
			case "empty sub" -> claims.put("sub", "");
			case "blank sub" -> claims.put("sub", " ");
			case "256-character sub" -> claims.put("sub", "t".repeat(256));
			case "roles 'admin'" -> claims.put("roles", "admin");
			case "roles 'user admin'" -> claims.put("roles", "user admin");
			case "no roles" -> claims.remove("roles");
			case "no exp" -> claims.remove("exp");
			case "lifetime over the maximum" -> claims.put("exp", TokenClaims.inSeconds(Duration.ofHours(25)));
			case "iat beyond the allowance" -> claims.put("iat", TokenClaims.inSeconds(Duration.ofMinutes(5)));
			case "nbf beyond the allowance" -> claims.put("nbf", TokenClaims.inSeconds(Duration.ofMinutes(5)));
			default -> throw new IllegalArgumentException(kind);
		}
		return users.signed(claims);
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
		WebSocketHandler handler = GraphQlSockets.transportWs(session -> {
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
		});
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

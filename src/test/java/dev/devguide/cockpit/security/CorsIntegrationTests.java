package dev.devguide.cockpit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devguide.cockpit.persistence.DatabaseEndpoint;
import dev.devguide.cockpit.support.GraphQlSockets;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.SecondInstance;
import dev.devguide.cockpit.support.TestUsers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;

/**
 * CORS on {@code /graphql}: the preflight, a POST, server-sent events and the WebSocket
 * handshake from an allowed origin pass with {@code Access-Control-Allow-Origin} and no
 * credentials; from any other origin they are refused with 403. The test context runs on
 * the embedded default (the loopback origins); a second instance on the same database is
 * a server on an external database, with no origin allowed unless configured.
 */
@IntegrationTest
class CorsIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String QUERY = "{ projects(first: 1) { totalCount } }";

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	DatabaseEndpoint database;

	@Value("${cockpit.jwt.secret}")
	String secret;

	@Test
	void theEmbeddedDefaultAllowsTheLoopbackOriginsOnAnyPort() {
		for (String origin : List.of("http://localhost:3000", "http://127.0.0.1:5173")) {
			assertAllowed(port, origin);
		}
		for (String origin : List.of("http://evil.example", "https://localhost:3000",
				"http://localhost.evil.example")) {
			assertRefused(port, origin);
		}
	}

	@Test
	void anExternalDatabaseAllowsNoOriginByDefaultAndTheConfiguredPatterns() {
		try (SecondInstance production = SecondInstance.start(database, secret)) {
			assertRefused(production.port(), "http://localhost:3000");
			// same-origin and non-browser callers send no Origin (or their own) and pass
			post(production.port(), null).expectStatus().isOk();
		}
		try (SecondInstance configured = SecondInstance.start(database, secret,
				List.of("--cockpit.cors.origins=https://dash.example.com, https://*.corp.example"))) {
			assertAllowed(configured.port(), "https://dash.example.com");
			assertAllowed(configured.port(), "https://team.corp.example");
			assertRefused(configured.port(), "http://localhost:3000");
			assertRefused(configured.port(), "https://dash.example.com.evil.example");
		}
	}

	private void assertAllowed(int port, String origin) {
		preflight(port, origin).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
					headers -> assertThat(headers.toLowerCase()).contains("authorization").contains("content-type"))
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);

		post(port, origin).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)
			.expectBody()
			.jsonPath("$.data.projects.totalCount")
			.isNumber();

		sse(port, origin).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);

		// the handshake completes; the session is closed at once
		webSocket(port, origin).block(WAIT);
	}

	private void assertRefused(int port, String origin) {
		preflight(port, origin).expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		post(port, origin).expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		sse(port, origin).expectStatus().isForbidden();
		assertThatThrownBy(() -> webSocket(port, origin).block(WAIT)).isInstanceOfSatisfying(
				WebSocketClientHandshakeException.class,
				refused -> assertThat(refused.response().status().code()).isEqualTo(403));
	}

	private static WebTestClient.ResponseSpec preflight(int port, String origin) {
		return client(port).method(HttpMethod.OPTIONS)
			.uri("/graphql")
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
			.exchange();
	}

	private WebTestClient.ResponseSpec post(int port, String origin) {
		return client(port).post().uri("/graphql").headers(headers -> {
			if (origin != null) {
				headers.setOrigin(origin);
			}
			headers.setBearerAuth(users.token("cors-tester", List.of("user")));
		}).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", QUERY)).exchange();
	}

	/**
	 * A subscription over server-sent events; without a token its one event is an error.
	 */
	private WebTestClient.ResponseSpec sse(int port, String origin) {
		return client(port).post()
			.uri("/graphql")
			.header(HttpHeaders.ORIGIN, origin)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "subscription { syncBufferStatusChanged(projectId: \"p\") { id } }"))
			.exchange();
	}

	private static Mono<Void> webSocket(int port, String origin) {
		HttpHeaders headers = new HttpHeaders();
		headers.setOrigin(origin);
		return new ReactorNettyWebSocketClient(HttpClient.newConnection()).execute(
				URI.create("ws://localhost:" + port + "/graphql"), headers,
				GraphQlSockets.transportWs(WebSocketSession::close));
	}

	private static WebTestClient client(int port) {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(WAIT).build();
	}

}

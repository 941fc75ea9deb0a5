package dev.devguide.cockpit.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devguide.cockpit.support.IntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * A WebSocket client that offers only the legacy subscriptions-transport-ws subprotocol
 * ({@code graphql-ws}) is refused at the handshake, with a message naming
 * graphql-transport-ws.
 */
@IntegrationTest
class WebSocketProtocolIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aClientOfferingOnlyGraphqlWsIsRefusedAtTheHandshake() {
		WebSocketHandler legacy = new WebSocketHandler() {
			@Override
			public List<String> getSubProtocols() {
				return List.of("graphql-ws");
			}

			@Override
			public Mono<Void> handle(WebSocketSession session) {
				return session.send(Mono.just(session.textMessage("{\"type\":\"connection_init\"}")))
					.then(session.receive().then());
			}
		};
		Mono<Void> connection = new ReactorNettyWebSocketClient(HttpClient.newConnection())
			.execute(URI.create("ws://localhost:" + port + "/graphql"), legacy);

		assertThatThrownBy(() -> connection.block(Duration.ofSeconds(20))).hasMessageContaining("400");
	}

	@Test
	void theRefusalSaysWhichProtocolToUse() {
		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.build()
			.get()
			.uri("/graphql")
			.header("Upgrade", "websocket")
			.header("Connection", "Upgrade")
			.header("Sec-WebSocket-Version", "13")
			.header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
			.header("Sec-WebSocket-Protocol", "graphql-ws")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].message")
			.value(String.class, message -> assertThat(message).contains("graphql-transport-ws")
				.contains("subscriptions-transport-ws"));
	}

}

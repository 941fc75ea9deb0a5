package dev.devguide.cockpit.support;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * WebSocket (graphql-transport-ws) clients that authenticate with a bearer token in
 * connection_init.
 */
public final class GraphQlSockets {

	private GraphQlSockets() {
	}

	public static WebSocketGraphQlClient client(int port, String token) {
		return WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + port + "/graphql"),
					new ReactorNettyWebSocketClient(HttpClient.newConnection()))
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}
			})
			.build();
	}

	/** A tester on its own connection; without a token, connection_init carries none. */
	public static WebSocketGraphQlTester tester(int port, @Nullable String token) {
		return WebSocketGraphQlTester
			.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient(HttpClient.newConnection()))
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return token == null ? Mono.empty() : Mono.just(Map.of("Authorization", "Bearer " + token));
				}
			})
			.build();
	}

	/** A raw WebSocket handler that offers the graphql-transport-ws subprotocol. */
	public static WebSocketHandler transportWs(Function<WebSocketSession, Mono<Void>> handle) {
		return new WebSocketHandler() {

			@Override
			public List<String> getSubProtocols() {
				return List.of("graphql-transport-ws");
			}

			@Override
			public Mono<Void> handle(WebSocketSession session) {
				return handle.apply(session);
			}

		};
	}

}

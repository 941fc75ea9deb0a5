package dev.devguide.cockpit.support;

import java.net.URI;
import java.util.Map;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
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

}

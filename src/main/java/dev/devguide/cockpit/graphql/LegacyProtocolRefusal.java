package dev.devguide.cockpit.graphql;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, at the handshake, a WebSocket that offers only the legacy
 * subscriptions-transport-ws protocol (subprotocol {@code graphql-ws}): HTTP 400 with a
 * GraphQL-shaped body naming {@code graphql-transport-ws}, the one protocol the server
 * speaks. Without this the socket was accepted and then closed with 4400 at its first
 * legacy message, which clients report as an unexplained disconnect.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LegacyProtocolRefusal implements WebFilter {

	static final String PROTOCOL = "graphql-transport-ws";

	static final String LEGACY = "graphql-ws";

	static final String MESSAGE = "The WebSocket subprotocol graphql-ws (subscriptions-transport-ws) is not supported: "
			+ "connect with the subprotocol graphql-transport-ws (the graphql-ws client library)";

	private final byte[] body;

	LegacyProtocolRefusal(JsonMapper json) {
		this.body = json
			.writeValueAsString(Map.of("errors",
					List.of(Map.of("message", MESSAGE, "extensions", Map.of("classification", "BAD_REQUEST")))))
			.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!legacyOnly(exchange.getRequest().getHeaders())) {
			return chain.filter(exchange);
		}
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.BAD_REQUEST);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	/** A WebSocket upgrade whose subprotocols include graphql-ws but not ours. */
	static boolean legacyOnly(HttpHeaders headers) {
		if (!"websocket".equalsIgnoreCase(headers.getUpgrade())) {
			return false;
		}
		List<String> offered = headers.getValuesAsList("Sec-WebSocket-Protocol");
		return offered.contains(LEGACY) && !offered.contains(PROTOCOL);
	}

}

package dev.devguide.cockpit.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring's GraphQL WebSocket handler, except that the close for a refused token (4401,
 * which Spring sends with the fixed reason "Unauthorized") says why:
 * {@code Unauthorized: expired}, with the reason {@link TokenWebSocketInterceptor} left
 * in the session's attributes.
 */
final class RefusalClosingWebSocketHandler extends GraphQlWebSocketHandler {

	static final int UNAUTHORIZED = 4401;

	RefusalClosingWebSocketHandler(WebGraphQlHandler handler, CodecConfigurer codecs, Duration initTimeout,
			@Nullable Duration keepAlive, CorsConfiguration cors) {
		super(handler, codecs, initTimeout, keepAlive, cors);
	}

	/**
	 * Only graphql-transport-ws: the legacy graphql-ws is refused at the handshake
	 * ({@code graphql.LegacyProtocolRefusal}), not accepted and then closed.
	 */
	@Override
	public List<String> getSubProtocols() {
		return List.of("graphql-transport-ws");
	}

	@Override
	public Mono<Void> handle(WebSocketSession session) {
		return super.handle(new ReasonedClose(session));
	}

	/** The close status for {@code status} in a session with {@code attributes}. */
	static CloseStatus closing(CloseStatus status, Map<String, Object> attributes) {
		if (status.getCode() == UNAUTHORIZED
				&& attributes.get(TokenWebSocketInterceptor.REFUSAL) instanceof TokenProblem problem) {
			return new CloseStatus(UNAUTHORIZED, "Unauthorized: " + problem.reason());
		}
		return status;
	}

	/** The session, with {@link #closing} applied to every close. */
	private record ReasonedClose(WebSocketSession session) implements WebSocketSession {

		@Override
		public Mono<Void> close(CloseStatus status) {
			return session.close(closing(status, session.getAttributes()));
		}

		@Override
		public String getId() {
			return session.getId();
		}

		@Override
		public HandshakeInfo getHandshakeInfo() {
			return session.getHandshakeInfo();
		}

		@Override
		public DataBufferFactory bufferFactory() {
			return session.bufferFactory();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return session.getAttributes();
		}

		@Override
		public Flux<WebSocketMessage> receive() {
			return session.receive();
		}

		@Override
		public Mono<Void> send(Publisher<WebSocketMessage> messages) {
			return session.send(messages);
		}

		@Override
		public boolean isOpen() {
			return session.isOpen();
		}

		@Override
		public Mono<CloseStatus> closeStatus() {
			return session.closeStatus();
		}

		@Override
		public WebSocketMessage textMessage(String payload) {
			return session.textMessage(payload);
		}

		@Override
		public WebSocketMessage binaryMessage(Function<DataBufferFactory, DataBuffer> payload) {
			return session.binaryMessage(payload);
		}

		@Override
		public WebSocketMessage pingMessage(Function<DataBufferFactory, DataBuffer> payload) {
			return session.pingMessage(payload);
		}

		@Override
		public WebSocketMessage pongMessage(Function<DataBufferFactory, DataBuffer> payload) {
			return session.pongMessage(payload);
		}

	}

}

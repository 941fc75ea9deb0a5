package dev.devguide.cockpit.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a refused or missing bearer token: HTTP 401 with
 * {@code WWW-Authenticate: Bearer error="invalid_token", error_description="..."} (RFC
 * 6750; just {@code Bearer} when there was no token) and a GraphQL-shaped body,
 * {@code {"errors":[{"message":..., "extensions":{"classification":"UNAUTHORIZED",
 * "reason":...}}]}}, for plain POSTs and server-sent events alike. The message is the
 * refusal's own fixed text; the token is never echoed.
 */
final class TokenRefusalEntryPoint implements ServerAuthenticationEntryPoint {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		return Mono.defer(() -> {
			TokenRefusedException refused = TokenRefusedException.of(ex);
			TokenProblem problem = refused.problem();
			String message = refused.message();
			ServerHttpResponse response = exchange.getResponse();
			response.setStatusCode(HttpStatus.UNAUTHORIZED);
			response.getHeaders()
				.set(HttpHeaders.WWW_AUTHENTICATE, problem == TokenProblem.MISSING ? "Bearer"
						: "Bearer error=\"invalid_token\", error_description=\"" + message + "\"");
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			byte[] body = JSON.writeValueAsString(body(problem, message)).getBytes(StandardCharsets.UTF_8);
			return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
		});
	}

	/** The body of a refusal for {@code problem}, as the endpoint and tests build it. */
	static Map<String, Object> body(TokenProblem problem, String message) {
		return Map.of("errors", List.of(Map.of("message", message, "extensions",
				Map.of("classification", "UNAUTHORIZED", "reason", problem.reason()))));
	}

}

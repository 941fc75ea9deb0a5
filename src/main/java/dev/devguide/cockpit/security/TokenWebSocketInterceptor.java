package dev.devguide.cockpit.security;

import java.util.Map;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.support.AbstractAuthenticationWebSocketInterceptor;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Authenticates a subscription socket from the {@code Authorization} entry of the
 * connection_init payload, as Spring's {@code AuthenticationWebSocketInterceptor} does,
 * and records why a token was refused in the session's attributes, where
 * {@link RefusalClosingWebSocketHandler} finds it for the close reason. Without a token
 * the connection is acknowledged and every root field answers UNAUTHORIZED.
 */
final class TokenWebSocketInterceptor extends AbstractAuthenticationWebSocketInterceptor {

	/** The session attribute holding the {@link TokenProblem} of a refused token. */
	static final String REFUSAL = TokenWebSocketInterceptor.class.getName() + ".refusal";

	private final ReactiveAuthenticationManager manager;

	TokenWebSocketInterceptor(ReactiveAuthenticationManager manager) {
		super(new BearerTokenAuthenticationExtractor());
		this.manager = manager;
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
		return super.handleConnectionInitialization(info, payload)
			.doOnError(error -> info.getAttributes().put(REFUSAL, TokenRefusedException.of(error).problem()));
	}

	@Override
	protected Mono<Authentication> authenticate(Authentication authentication) {
		return manager.authenticate(authentication);
	}

	@Override
	protected ContextView getContextToWrite(SecurityContext context) {
		return ReactiveSecurityContextHolder.withSecurityContext(Mono.just(context));
	}

}

package dev.devguide.cockpit.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * A token the server refuses, and why. A {@link BadJwtException}, so that Spring's
 * resource server answers it as an invalid token (401) with this as the cause, where the
 * entry point and the WebSocket interceptor find the {@link TokenProblem}.
 */
final class TokenRefusedException extends BadJwtException {

	private final TokenProblem problem;

	private final String message;

	TokenRefusedException(TokenProblem problem, String message) {
		super(message);
		this.problem = problem;
		this.message = message;
	}

	TokenProblem problem() {
		return problem;
	}

	/** What the caller is told: fixed text, without the token. */
	String message() {
		return message;
	}

	/**
	 * The refusal behind a failed authentication: a refusal of ours among its causes;
	 * else a token that Spring's bearer converter could not even read from the request
	 * (an empty one, or one in two places); else no token at all.
	 */
	static TokenRefusedException of(Throwable error) {
		TokenRefusedException refused = causeOf(error, TokenRefusedException.class);
		if (refused != null) {
			return refused;
		}
		return (error instanceof OAuth2AuthenticationException ? TokenProblem.MALFORMED : TokenProblem.MISSING)
			.refusal();
	}

	/** {@code error} or the first of its causes that is a {@code type}; else null. */
	static <T extends Throwable> @Nullable T causeOf(Throwable error, Class<T> type) {
		for (@Nullable
		Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}

package dev.devguide.cockpit.security;

import java.util.Locale;

/**
 * Why a bearer token was refused: {@code extensions.reason} of the 401 body and the
 * reason of the WebSocket close. Each message is fixed text (safe in a
 * {@code WWW-Authenticate} header: no quote, no backslash) and never quotes the token.
 */
enum TokenProblem {

	/** No token where one is required (a path other than the GraphQL endpoint). */
	MISSING("A bearer token is required"),

	/** Not a JWT: its parts, header or claims do not parse. */
	MALFORMED("The bearer token is not a well-formed JWT"),

	/** Past its exp (beyond the clock allowance). */
	EXPIRED("The bearer token has expired"),

	/** Its nbf or iat lies in the future beyond the clock allowance. */
	NOT_YET_VALID("The bearer token is not valid yet"),

	WRONG_ISSUER("The bearer token is not from the accepted issuer"),

	WRONG_AUDIENCE("The bearer token is not meant for this server"),

	/** A claim is missing or has the wrong shape; the message says which. */
	INVALID_CLAIMS("The bearer token's claims are not acceptable"),

	/**
	 * Not signed by a key the server trusts, unsigned, or with an algorithm it refuses.
	 */
	INVALID_SIGNATURE("The bearer token's signature is not valid");

	private final String message;

	TokenProblem(String message) {
		this.message = message;
	}

	/** The reason as clients read it: {@code not_yet_valid}. */
	String reason() {
		return name().toLowerCase(Locale.ROOT);
	}

	String message() {
		return message;
	}

	/** The refusal with this problem's own message. */
	TokenRefusedException refusal() {
		return new TokenRefusedException(this, message);
	}

	/** The refusal with a message that says more (which claim, which limit). */
	TokenRefusedException refusal(String detail) {
		return new TokenRefusedException(this, detail);
	}

}

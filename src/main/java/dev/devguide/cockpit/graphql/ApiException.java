package dev.devguide.cockpit.graphql;

import org.springframework.graphql.execution.ErrorType;

/**
 * An error whose message is safe to show to the caller, with its classification and, for
 * bad input, the field at fault. Anything that is not an ApiException reaches the caller
 * only as an opaque internal error.
 */
public class ApiException extends RuntimeException {

	private final ErrorType type;

	private final String field;

	protected ApiException(ErrorType type, String field, String message) {
		super(message, null, false, false);
		this.type = type;
		this.field = field;
	}

	public static ApiException notFound(String resource, String id) {
		return new ApiException(ErrorType.NOT_FOUND, null, resource + " " + id + " does not exist");
	}

	public static ApiException badRequest(String field, String problem) {
		return new ApiException(ErrorType.BAD_REQUEST, field, field + ": " + problem);
	}

	public static ApiException forbidden(String message) {
		return new ApiException(ErrorType.FORBIDDEN, null, message);
	}

	public static ApiException unauthorized() {
		return new ApiException(ErrorType.UNAUTHORIZED, null,
				"Authentication required: send a bearer token in the Authorization header");
	}

	public ErrorType type() {
		return type;
	}

	public String field() {
		return field;
	}

}

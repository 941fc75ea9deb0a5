package dev.devguide.cockpit.graphql;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.ErrorType;

/**
 * An error whose message is safe to show to the caller, with its classification and, for
 * bad input, the field at fault. Anything that is not an ApiException reaches the caller
 * only as an opaque internal error.
 */
public class ApiException extends RuntimeException {

	private final ErrorType type;

	private final @Nullable String field;

	protected ApiException(ErrorType type, @Nullable String field, String message) {
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

	/** The field at fault, for bad input; else null. */
	public @Nullable String field() {
		return field;
	}

}

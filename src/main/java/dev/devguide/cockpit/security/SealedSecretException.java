package dev.devguide.cockpit.security;

import dev.devguide.cockpit.graphql.ApiException;
import org.springframework.graphql.execution.ErrorType;

/**
 * A stored secret that cannot be opened: its key is missing from the ring, or the value
 * was altered or copied from another row. The message names the row and the key id (never
 * a secret), so that an operator can act on it; it is an internal error, not the
 * caller's.
 */
public class SealedSecretException extends ApiException {

	SealedSecretException(SealedSecrets.Binding binding, String keyId, String problem) {
		super(ErrorType.INTERNAL_ERROR, null, "The " + binding.column() + " of " + binding.table() + " row "
				+ binding.rowId() + " (key id " + keyId + ") " + problem);
	}

}

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
		this("The " + binding.column() + " of " + binding.table() + " row " + binding.rowId() + " (key id " + keyId
				+ ") " + problem);
	}

	private SealedSecretException(String message) {
		super(ErrorType.INTERNAL_ERROR, null, message);
	}

	/** Nothing can be opened or sealed again: the server has no key ring. */
	public static SealedSecretException noKeyRing() {
		return new SealedSecretException("This server has no key ring: set COCKPIT_KEYS (id:base64key, the first "
				+ "is the primary) to store and rotate provider keys and OAuth tokens");
	}

}

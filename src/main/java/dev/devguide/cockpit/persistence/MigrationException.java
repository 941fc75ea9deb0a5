package dev.devguide.cockpit.persistence;

/**
 * A migration operation failed; the message names the operation and database, never SQL
 * text.
 */
public class MigrationException extends RuntimeException {

	public MigrationException(String message, Throwable cause) {
		super(message, cause);
	}

}

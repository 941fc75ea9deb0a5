package dev.devguide.cockpit.persistence;

/**
 * A migration operation failed; the message names the database and the server's error. It
 * deliberately carries no cause: Liquibase's exceptions quote the failed SQL, and a
 * start-up failure prints the whole cause chain to the log.
 */
public class MigrationException extends RuntimeException {

	public MigrationException(String message) {
		super(message);
	}

}

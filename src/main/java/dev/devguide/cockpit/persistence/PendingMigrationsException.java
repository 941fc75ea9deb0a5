package dev.devguide.cockpit.persistence;

import java.util.List;

/**
 * The external database has changesets pending and applying them at start-up was not
 * allowed.
 */
public class PendingMigrationsException extends RuntimeException {

	private final transient List<String> pending;

	public PendingMigrationsException(DatabaseEndpoint endpoint, List<String> pending) {
		super(pending.size() + " changesets are pending on " + endpoint);
		this.pending = List.copyOf(pending);
	}

	public List<String> pending() {
		return pending;
	}

}

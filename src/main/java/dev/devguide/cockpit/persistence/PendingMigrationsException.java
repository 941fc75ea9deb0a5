package dev.devguide.cockpit.persistence;

import java.util.List;

/**
 * The external database has changesets pending and applying them at start-up was not
 * allowed, or was allowed but refused because some are not approved and rollback-verified
 * as they are now ({@code refusals}, naming them; then nothing was applied).
 */
public class PendingMigrationsException extends RuntimeException {

	private final transient List<String> pending;

	private final transient List<String> refusals;

	public PendingMigrationsException(DatabaseEndpoint endpoint, List<String> pending, List<String> refusals) {
		super(pending.size() + " changesets are pending on " + endpoint
				+ (refusals.isEmpty() ? "" : " and applying them at start-up was refused"));
		this.pending = List.copyOf(pending);
		this.refusals = List.copyOf(refusals);
	}

	public List<String> pending() {
		return pending;
	}

	/** Why applying them at start-up was refused (empty: it was not asked for). */
	public List<String> refusals() {
		return refusals;
	}

}

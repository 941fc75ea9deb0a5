package dev.devguide.cockpit.persistence;

import java.util.List;

/**
 * An apply on an external database was refused: a pending changeset is not approved, or
 * not rollback-verified, at its current checksum. Nothing was applied. The message names
 * each refused changeset and why.
 */
public class SchemaChangeRefusedException extends MigrationException {

	private final transient List<String> refusals;

	public SchemaChangeRefusedException(DatabaseEndpoint endpoint, List<String> refusals) {
		super("Nothing applied to " + endpoint + ": " + refusals.size()
				+ " pending changesets are not approved and rollback-verified as they are now:\n  "
				+ String.join("\n  ", refusals));
		this.refusals = List.copyOf(refusals);
	}

	public List<String> refusals() {
		return refusals;
	}

}

package dev.devguide.cockpit.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code migrate verify-rollback}: the rollback of everything pending, tested on a
 * scratch schema of the same server before it is needed. The scratch schema (created with
 * the target's character set and collation, dropped afterwards whatever happens) is
 * brought to the target's applied state by applying the same first changesets,
 * snapshotted ({@link SchemaSnapshot}), given every pending changeset, rolled back by as
 * many, and snapshotted again; any difference between the two snapshots, or a changeset
 * that did not apply or roll back, fails the verification.
 */
final class RollbackVerification {

	private final Migrations target;

	RollbackVerification(Migrations target) {
		this.target = target;
	}

	/** The outcome: what was verified, on which scratch schema, and what differed. */
	record Report(List<PendingChangeSet> verified, String scratchSchema, List<String> problems) {

		boolean passed() {
			return problems.isEmpty();
		}

	}

	Report run() {
		List<PendingChangeSet> pending = target.pendingChangeSets();
		List<AppliedChangeSet> applied = target.applied();
		DatabaseEndpoint endpoint = target.endpoint();
		String scratch = scratchName(endpoint.database());
		if (pending.isEmpty()) {
			return new Report(pending, scratch, List.of());
		}
		try (Connection connection = connect(endpoint)) {
			List<@Nullable String> charset = Jdbc
				.rows(connection,
						"SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME"
								+ " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()")
				.get(0);
			Jdbc.execute(connection,
					"CREATE DATABASE `" + scratch + "` CHARACTER SET " + charset.get(0) + " COLLATE " + charset.get(1));
			try {
				return new Report(pending, scratch, verify(connection, scratch, applied, pending));
			}
			finally {
				Jdbc.execute(connection, "DROP DATABASE IF EXISTS `" + scratch + "`");
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("The rollback could not be verified on a scratch schema of " + endpoint
					+ " (it needs CREATE and DROP of " + scratch + "): SQLState " + ex.getSQLState());
		}
	}

	private List<String> verify(Connection connection, String scratch, List<AppliedChangeSet> applied,
			List<PendingChangeSet> pending) throws SQLException {
		DatabaseEndpoint endpoint = target.endpoint();
		Migrations copy = target
			.on(new DatabaseEndpoint(endpoint.host(), endpoint.port(), scratch, endpoint.user(), endpoint.password()));
		List<String> problems = new ArrayList<>();
		Set<ChangeSetRef> targetState = refs(applied);
		try {
			if (!applied.isEmpty()) {
				copy.apply(applied.size());
			}
			if (!refs(copy.applied()).equals(targetState)) {
				problems.add("The scratch schema could not be brought to the target's state: its applied changesets"
						+ " are not the first ones of the changelog");
				return problems;
			}
			SchemaSnapshot before = SchemaSnapshot.take(connection, scratch);
			copy.apply();
			List<PendingChangeSet> left = copy.pendingChangeSets();
			if (!left.isEmpty()) {
				left.forEach(changeSet -> problems.add(changeSet.ref() + ": did not apply on the scratch schema"));
				return problems;
			}
			copy.rollbackCount(pending.size());
			if (!refs(copy.applied()).equals(targetState)) {
				problems.add("The rollback did not return the scratch schema to the target's applied changesets");
			}
			problems.addAll(before.differences(SchemaSnapshot.take(connection, scratch)));
		}
		catch (MigrationException ex) {
			problems.add(ex.getMessage());
		}
		return problems;
	}

	private static Set<ChangeSetRef> refs(List<AppliedChangeSet> applied) {
		Set<ChangeSetRef> refs = new HashSet<>();
		applied.forEach(changeSet -> refs.add(changeSet.ref()));
		return refs;
	}

	/** {@code <database>_rbcheck_<8 hex>}, within the 64 characters of an identifier. */
	private static String scratchName(String database) {
		String suffix = "_rbcheck_" + UUID.randomUUID().toString().substring(0, 8);
		String base = database.replaceAll("[^A-Za-z0-9_]", "_");
		return base.substring(0, Math.min(base.length(), 64 - suffix.length())) + suffix;
	}

	private static Connection connect(DatabaseEndpoint endpoint) throws SQLException {
		return DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
	}

}

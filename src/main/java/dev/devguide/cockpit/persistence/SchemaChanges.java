package dev.devguide.cockpit.persistence;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Schema changes as the migration command line, the server's start and the admins' API
 * see them: preview, approve, verify the rollback, apply, and the status and health of
 * the schema. On an external database an apply runs only when every pending changeset is
 * approved and its rollback verified at its current checksum ({@link SchemaChangeGate});
 * on the embedded database both are implicit. Everything here is blocking JDBC.
 */
public final class SchemaChanges {

	/**
	 * The comment line Liquibase writes before each changeset's SQL in a preview
	 * ({@code --  Changeset file::id::author}), and the one after the last.
	 */
	private static final Pattern CHANGESET_HEADER = Pattern
		.compile("(?m)^--\\s+(?:Changeset (\\S+)|Release Database Lock)\\s*$");

	private final Migrations migrations;

	private final SchemaLedger ledger;

	private final boolean approvalRequired;

	public SchemaChanges(Migrations migrations, boolean approvalRequired) {
		this.migrations = migrations;
		this.ledger = new SchemaLedger(migrations.endpoint());
		this.approvalRequired = approvalRequired;
	}

	/**
	 * The schema's changes on {@code endpoint}: approval required unless it is embedded.
	 */
	public static SchemaChanges of(DatabaseSettings settings, DatabaseEndpoint endpoint) {
		return new SchemaChanges(new Migrations(endpoint), !settings.embedded());
	}

	public Migrations migrations() {
		return migrations;
	}

	public boolean approvalRequired() {
		return approvalRequired;
	}

	/** Why the pending changesets may not be applied now; empty when they may. */
	public List<String> refusals() {
		return refusals(migrations.pendingChangeSets());
	}

	/**
	 * Applies every pending changeset, or refuses (and applies nothing) when one is not
	 * approved or verified at its current checksum. On the embedded database the ledger
	 * is created too. Returns how many changesets were applied.
	 */
	public int apply() {
		List<PendingChangeSet> pending = migrations.pendingChangeSets();
		List<String> refusals = refusals(pending);
		if (!refusals.isEmpty()) {
			throw new SchemaChangeRefusedException(migrations.endpoint(), refusals);
		}
		if (!approvalRequired) {
			ledger.ensure();
		}
		if (!pending.isEmpty()) {
			migrations.apply();
		}
		return pending.size();
	}

	/** Records {@code approvedBy}'s approval of every pending changeset as it is now. */
	public List<PendingChangeSet> approve(String approvedBy, String note) {
		List<PendingChangeSet> pending = migrations.pendingChangeSets();
		ledger.approve(pending, approvedBy, note);
		return pending;
	}

	/**
	 * Tests the rollback of everything pending on a scratch schema; when it passes,
	 * records it in the ledger for each pending changeset at its checksum.
	 */
	public RollbackVerification.Report verifyRollback(String verifiedBy) {
		RollbackVerification.Report report = new RollbackVerification(migrations).run();
		if (report.passed() && !report.verified().isEmpty()) {
			ledger.recordRollbackCheck(report.verified(), verifiedBy);
		}
		return report;
	}

	/** Applied, pending (with their SQL), tags, approvals and rollback checks. */
	public SchemaStatus status() {
		List<PendingChangeSet> pending = migrations.pendingChangeSets();
		String preview = "";
		if (!pending.isEmpty()) {
			StringWriter out = new StringWriter();
			migrations.previewApply(out);
			preview = out.toString();
		}
		Map<String, String> sql = perChangeSet(preview);
		return new SchemaStatus(approvalRequired, migrations.applied(), pending.stream()
			.map(changeSet -> new SchemaStatus.Pending(changeSet, sql.getOrDefault(changeSet.ref().toString(), "")))
			.toList(), preview, ledger.approvals(), ledger.rollbackChecks(), refusals(pending));
	}

	/** The drifts of the live schema from what is expected; none when it is healthy. */
	public List<SchemaDrift> health() {
		List<PendingChangeSet> pending = migrations.pendingChangeSets();
		DatabaseEndpoint endpoint = migrations.endpoint();
		try (Connection connection = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(),
				endpoint.password())) {
			return SchemaHealthCheck.run(connection, pending);
		}
		catch (SQLException ex) {
			throw new MigrationException(
					"The schema health of " + endpoint + " could not be read: SQLState " + ex.getSQLState());
		}
	}

	private List<String> refusals(List<PendingChangeSet> pending) {
		if (!approvalRequired || pending.isEmpty()) {
			return List.of();
		}
		return SchemaChangeGate.refusals(pending, ledger.approvals(), ledger.rollbackChecks());
	}

	/**
	 * The preview cut at each changeset's header line, keyed by {@code file::id::author}.
	 */
	static Map<String, String> perChangeSet(String preview) {
		Map<String, String> parts = new HashMap<>();
		Matcher matcher = CHANGESET_HEADER.matcher(preview);
		String current = null;
		int start = 0;
		while (matcher.find()) {
			if (current != null) {
				parts.put(current, preview.substring(start, matcher.start()).strip());
			}
			current = matcher.group(1);
			start = matcher.start();
		}
		return parts;
	}

}

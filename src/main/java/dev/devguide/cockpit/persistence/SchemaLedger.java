package dev.devguide.cockpit.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The schema-change ledger: the approvals ({@code schema_approvals}) and passed rollback
 * checks ({@code schema_rollback_checks}) of pending changesets, each at the checksum the
 * changeset had then. The two tables come from their own changelog ({@value #CHANGELOG}),
 * tracked in {@value #TRACKING_TABLE} apart from the schema's changelog, so that they can
 * exist before anything of the schema is applied (an approval must be stored before the
 * first apply) without being a pending changeset that would itself need one. See
 * {@code migrations/README.md}, "Approvals and the ledger".
 */
public final class SchemaLedger {

	public static final String CHANGELOG = "migrations/ledger/changelog.yaml";

	public static final String TRACKING_TABLE = "DATABASECHANGELOG_LEDGER";

	private final DatabaseEndpoint endpoint;

	public SchemaLedger(DatabaseEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	/** Creates the ledger's tables if they are not there yet (idempotent). */
	public void ensure() {
		new Migrations(endpoint, CHANGELOG, TRACKING_TABLE).apply();
	}

	/**
	 * Records that {@code approvedBy} approved each of {@code changeSets} as it is now.
	 */
	public void approve(List<PendingChangeSet> changeSets, String approvedBy, String note) {
		ensure();
		insert("INSERT INTO schema_approvals (id, changeset_file, changeset_id, changeset_author, checksum,"
				+ " approved_by, note) VALUES (?, ?, ?, ?, ?, ?, ?)", changeSets, approvedBy, note);
	}

	/** Records a passed rollback verification of each of {@code changeSets}. */
	public void recordRollbackCheck(List<PendingChangeSet> changeSets, String verifiedBy) {
		ensure();
		insert("INSERT INTO schema_rollback_checks (id, changeset_file, changeset_id, changeset_author, checksum,"
				+ " verified_by) VALUES (?, ?, ?, ?, ?, ?)", changeSets, verifiedBy, null);
	}

	/** Every approval recorded, oldest first (none while the ledger does not exist). */
	public List<SchemaApproval> approvals() {
		return read(
				"SELECT changeset_file, changeset_id, changeset_author, checksum, approved_by, note, approved_at"
						+ " FROM schema_approvals ORDER BY approved_at, changeset_file, changeset_id",
				(result, ref) -> new SchemaApproval(ref, result.getString(4), result.getString(5), result.getString(6),
						instant(result, 7)));
	}

	/** Every passed rollback check recorded, oldest first. */
	public List<RollbackCheck> rollbackChecks() {
		return read(
				"SELECT changeset_file, changeset_id, changeset_author, checksum, verified_by, verified_at"
						+ " FROM schema_rollback_checks ORDER BY verified_at, changeset_file, changeset_id",
				(result, ref) -> new RollbackCheck(ref, result.getString(4), result.getString(5), instant(result, 6)));
	}

	private void insert(String sql, List<PendingChangeSet> changeSets, String by, @Nullable String note) {
		try (Connection connection = connect()) {
			connection.setAutoCommit(false);
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				for (PendingChangeSet changeSet : changeSets) {
					statement.setString(1, UUID.randomUUID().toString());
					statement.setString(2, changeSet.ref().file());
					statement.setString(3, changeSet.ref().id());
					statement.setString(4, changeSet.ref().author());
					statement.setString(5, changeSet.checksum());
					statement.setString(6, by);
					if (note != null) {
						statement.setString(7, note);
					}
					statement.addBatch();
				}
				statement.executeBatch();
			}
			connection.commit();
		}
		catch (SQLException ex) {
			throw failed(ex);
		}
	}

	private <T> List<T> read(String sql, RowReader<T> reader) {
		try (Connection connection = connect()) {
			if (!exists(connection)) {
				return List.of();
			}
			try (PreparedStatement statement = connection.prepareStatement(sql);
					ResultSet result = statement.executeQuery()) {
				List<T> rows = new ArrayList<>();
				while (result.next()) {
					rows.add(reader.read(result,
							new ChangeSetRef(result.getString(1), result.getString(2), result.getString(3))));
				}
				return rows;
			}
		}
		catch (SQLException ex) {
			throw failed(ex);
		}
	}

	private static boolean exists(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.TABLES"
				+ " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('schema_approvals', 'schema_rollback_checks')");
				ResultSet result = statement.executeQuery()) {
			return result.next() && result.getInt(1) == 2;
		}
	}

	private static Instant instant(ResultSet result, int column) throws SQLException {
		return result.getTimestamp(column).toInstant();
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
	}

	/** The message names the server's error code, never the statement. */
	private MigrationException failed(SQLException ex) {
		return new MigrationException("The schema-change ledger on " + endpoint
				+ " could not be read or written: SQLState " + ex.getSQLState());
	}

	@FunctionalInterface
	private interface RowReader<T> {

		T read(ResultSet result, ChangeSetRef ref) throws SQLException;

	}

}

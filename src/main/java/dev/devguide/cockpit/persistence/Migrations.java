package dev.devguide.cockpit.persistence;

import java.io.Writer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import liquibase.ChecksumVersion;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jspecify.annotations.Nullable;

/**
 * The schema's changelog ({@code migrations/} on the classpath) applied, previewed,
 * inspected and rolled back over JDBC with Liquibase. Changesets with the context
 * {@code tidb} run only when the server is TiDB, those with {@code tiflash} only when
 * that TiDB cluster has a TiFlash store. Tests may name another changelog on the
 * classpath; the schema-change ledger ({@link SchemaLedger}) is a second changelog
 * tracked in tables of its own.
 */
public final class Migrations {

	public static final String CHANGELOG = "migrations/changelog.yaml";

	static {
		System.setProperty("liquibase.analytics.enabled", "false");
		System.setProperty("liquibase.showBanner", "false");
	}

	private final DatabaseEndpoint endpoint;

	private final String changelog;

	/**
	 * The tracking tables (DATABASECHANGELOG and its lock) under other names, or null for
	 * Liquibase's own.
	 */
	private final @Nullable String trackingTable;

	public Migrations(DatabaseEndpoint endpoint) {
		this(endpoint, CHANGELOG);
	}

	/** The changelog at {@code changelog} on the classpath (tests use their own). */
	public Migrations(DatabaseEndpoint endpoint, String changelog) {
		this(endpoint, changelog, null);
	}

	Migrations(DatabaseEndpoint endpoint, String changelog, @Nullable String trackingTable) {
		this.endpoint = endpoint;
		this.changelog = changelog;
		this.trackingTable = trackingTable;
	}

	/** The same changelog on another database. */
	Migrations on(DatabaseEndpoint other) {
		return new Migrations(other, changelog, trackingTable);
	}

	/** The ids ({@code file::id::author}) of the changesets not yet applied. */
	public List<String> pending() {
		return pendingChangeSets().stream().map(pending -> pending.ref().toString()).toList();
	}

	/**
	 * The changesets not yet applied, in the order an apply would run them, each with its
	 * checksum as the changelog has it now.
	 */
	public List<PendingChangeSet> pendingChangeSets() {
		return withLiquibase((liquibase, contexts) -> liquibase.listUnrunChangeSets(contexts, new LabelExpression())
			.stream()
			.map(changeSet -> new PendingChangeSet(ref(changeSet),
					changeSet.generateCheckSum(ChecksumVersion.latest()).toString()))
			.toList());
	}

	/** The changesets recorded as applied, in the order they ran. */
	public List<AppliedChangeSet> applied() {
		return withLiquibase((liquibase, contexts) -> liquibase.getDatabase()
			.getRanChangeSetList()
			.stream()
			.map(Migrations::applied)
			.sorted(Comparator.comparingInt(AppliedChangeSet::order))
			.toList());
	}

	/** Applies the first {@code count} pending changesets. */
	void apply(int count) {
		run((liquibase, contexts) -> {
			liquibase.update(count, contexts, new LabelExpression());
		});
	}

	/** Applies every pending changeset. */
	public void apply() {
		run((liquibase, contexts) -> {
			liquibase.update(contexts, new LabelExpression());
		});
	}

	/** Writes the SQL that {@link #apply()} would run, without running it. */
	public void previewApply(Writer out) {
		run((liquibase, contexts) -> {
			liquibase.update(contexts, new LabelExpression(), out);
		});
	}

	/** Rolls back every changeset applied after {@code tag}. */
	public void rollbackToTag(String tag) {
		run((liquibase, contexts) -> {
			liquibase.rollback(tag, contexts, new LabelExpression());
		});
	}

	public void previewRollbackToTag(String tag, Writer out) {
		run((liquibase, contexts) -> {
			liquibase.rollback(tag, contexts, new LabelExpression(), out);
		});
	}

	/** Rolls back the last {@code count} applied changesets. */
	public void rollbackCount(int count) {
		run((liquibase, contexts) -> {
			liquibase.rollback(count, contexts, new LabelExpression());
		});
	}

	public void previewRollbackCount(int count, Writer out) {
		run((liquibase, contexts) -> {
			liquibase.rollback(count, contexts, new LabelExpression(), out);
		});
	}

	/** Marks the current state with a tag that a later rollback can return to. */
	public void tag(String tag) {
		run((liquibase, contexts) -> {
			liquibase.tag(tag);
		});
	}

	/** The number of changesets recorded as applied. */
	public int appliedCount() {
		return withLiquibase((liquibase, contexts) -> liquibase.getDatabase().getRanChangeSetList().size());
	}

	public DatabaseEndpoint endpoint() {
		return endpoint;
	}

	public String changelog() {
		return changelog;
	}

	/** Runs an operation that has no result (TRUE stands in for one). */
	private void run(LiquibaseAction action) {
		withLiquibase((liquibase, contexts) -> {
			action.run(liquibase, contexts);
			return Boolean.TRUE;
		});
	}

	private <T> T withLiquibase(LiquibaseWork<T> work) {
		try (Connection connection = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(),
				endpoint.password())) {
			Contexts contexts = contexts(connection);
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			if (trackingTable != null) {
				database.setDatabaseChangeLogTableName(trackingTable);
				database.setDatabaseChangeLogLockTableName(trackingTable + "_LOCK");
			}
			Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(), database);
			try {
				return work.run(liquibase, contexts);
			}
			finally {
				// Releases what Liquibase keeps per database (and closes the connection).
				liquibase.close();
			}
		}
		catch (SQLException | LiquibaseException ex) {
			throw new MigrationException("Migration operation failed on " + endpoint + ": " + rootMessage(ex));
		}
	}

	/**
	 * {@code tidb} on TiDB, plus {@code tiflash} when the cluster has a TiFlash store;
	 * {@code mysql} otherwise.
	 */
	private static Contexts contexts(Connection connection) throws SQLException {
		if (!queryTrue(connection, "SELECT VERSION() LIKE '%TiDB%'")) {
			return new Contexts("mysql");
		}
		if (queryTrue(connection, "SELECT COUNT(*) > 0 FROM information_schema.CLUSTER_INFO WHERE TYPE = 'tiflash'")) {
			return new Contexts("tidb", "tiflash");
		}
		return new Contexts("tidb");
	}

	private static boolean queryTrue(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			return result.next() && result.getBoolean(1);
		}
	}

	private static ChangeSetRef ref(ChangeSet changeSet) {
		return new ChangeSetRef(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor());
	}

	private static AppliedChangeSet applied(RanChangeSet ran) {
		Integer order = ran.getOrderExecuted();
		return new AppliedChangeSet(new ChangeSetRef(ran.getChangeLog(), ran.getId(), ran.getAuthor()), ran.getTag(),
				Objects.requireNonNull(ran.getDateExecuted(), "DATEEXECUTED is NOT NULL").toInstant(),
				ran.getLastCheckSum() == null ? null : ran.getLastCheckSum().toString(), order == null ? 0 : order);
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		if (root instanceof SQLException sql) {
			return "SQLState " + sql.getSQLState() + ": " + sql.getMessage();
		}
		return root.getClass().getSimpleName();
	}

	@FunctionalInterface
	private interface LiquibaseWork<T> {

		T run(Liquibase liquibase, Contexts contexts) throws LiquibaseException;

	}

	@FunctionalInterface
	private interface LiquibaseAction {

		void run(Liquibase liquibase, Contexts contexts) throws LiquibaseException;

	}

}

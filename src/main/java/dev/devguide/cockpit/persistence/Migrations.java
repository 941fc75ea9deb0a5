package dev.devguide.cockpit.persistence;

import java.io.Writer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * The schema's changelog ({@code migrations/} on the classpath) applied, previewed,
 * inspected and rolled back over JDBC with Liquibase. Changesets with the context
 * {@code tidb} run only when the server is TiDB, those with {@code tiflash} only when
 * that TiDB cluster has a TiFlash store.
 */
public final class Migrations {

	public static final String CHANGELOG = "migrations/changelog.yaml";

	static {
		System.setProperty("liquibase.analytics.enabled", "false");
		System.setProperty("liquibase.showBanner", "false");
	}

	private final DatabaseEndpoint endpoint;

	public Migrations(DatabaseEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	/** The ids ({@code file::id::author}) of the changesets not yet applied. */
	public List<String> pending() {
		return withLiquibase((liquibase, contexts) -> liquibase.listUnrunChangeSets(contexts, new LabelExpression())
			.stream()
			.map(Migrations::describe)
			.toList());
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
			Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database);
			return work.run(liquibase, contexts);
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

	private static String describe(ChangeSet changeSet) {
		return changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor();
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

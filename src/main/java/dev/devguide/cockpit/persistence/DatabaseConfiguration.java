package dev.devguide.cockpit.persistence;

import io.asyncer.r2dbc.mysql.MySqlConnectionFactoryProvider;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.ui.LoggerUIService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Chooses the database (embedded MariaDB or {@code COCKPIT_DB_URL}), brings its schema up
 * to date or refuses to start when changesets are pending on an external database, and
 * exposes the pooled R2DBC connection factory.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedDatabaseHolder embeddedDatabase(DatabaseSettings settings, EmbeddedSettings embedded) {
		if (!settings.embedded()) {
			return new EmbeddedDatabaseHolder(null);
		}
		EmbeddedMariaDb database = EmbeddedMariaDb.start(settings.dataPath(), embedded);
		database.supervise(embedded);
		return new EmbeddedDatabaseHolder(database);
	}

	@Bean
	DatabaseEndpoint databaseEndpoint(DatabaseSettings settings, EmbeddedDatabaseHolder embedded) {
		// Without an embedded server the database is external, so its URL is set.
		DatabaseEndpoint endpoint = embedded.database() != null ? embedded.database().endpoint() : DatabaseEndpoint
			.parse(Objects.requireNonNull(settings.db().url()), settings.db().user(), settings.db().password());
		SchemaChanges changes = SchemaChanges.of(settings, endpoint);
		if (settings.embedded()) {
			// Approval is implicit here; apply also creates the ledger.
			long began = System.nanoTime();
			int applied = throughTheLogger(changes::apply);
			log.info("Schema checked in {} ms: applied {} pending changesets to {}",
					(System.nanoTime() - began) / 1_000_000, applied, endpoint);
			return endpoint;
		}
		List<String> pending = changes.migrations().pending();
		if (pending.isEmpty()) {
			return endpoint;
		}
		if (!settings.migrations().applyOnStart()) {
			throw new PendingMigrationsException(endpoint, pending, List.of());
		}
		// The same rule as migrate apply: only what is approved and rollback-verified as
		// it is now.
		List<String> refusals = changes.refusals();
		if (!refusals.isEmpty()) {
			throw new PendingMigrationsException(endpoint, pending, refusals);
		}
		log.info("Applying {} approved and rollback-verified changesets to {}", pending.size(), endpoint);
		throughTheLogger(changes::apply);
		return endpoint;
	}

	/**
	 * Runs {@code work} with Liquibase's user-interface messages ("Liquibase: Update has
	 * been successful...") and its update summary, printed to stdout by default, sent to
	 * its logger instead (Scope attributes are also configuration values to Liquibase).
	 */
	static <T> T throughTheLogger(Supplier<T> work) {
		try {
			Scope.ScopedRunnerWithReturn<T> runner = work::get;
			return Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService(),
					"liquibase.command.showSummaryOutput", UpdateSummaryOutputEnum.LOG,
					"liquibase.command.update.showSummaryOutput", UpdateSummaryOutputEnum.LOG), runner);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The schema's changes on the server's database, for the admins' schemaStatus and
	 * schemaHealth.
	 */
	@Bean
	SchemaChanges schemaChanges(DatabaseSettings settings, DatabaseEndpoint endpoint) {
		return SchemaChanges.of(settings, endpoint);
	}

	/**
	 * Closed after the web server has drained (a bean is destroyed after every lifecycle
	 * stop) and before the embedded database stops (it depends on the database).
	 */
	@Bean(destroyMethod = "closeLogged")
	LoggedConnectionPool connectionFactory(DatabaseSettings settings, DatabaseEndpoint endpoint,
			@Value("${cockpit.db.pool-size:20}") int poolSize) {
		ConnectionFactoryOptions base = settings.embedded()
				? ConnectionFactoryOptions.parse("r2dbc:mysql://" + endpoint.host() + ":" + endpoint.port() + "/"
						+ endpoint.database() + "?sslMode=DISABLED")
				: ConnectionFactoryOptions.parse(settings.db().url());
		ConnectionFactoryOptions options = base.mutate()
			.option(ConnectionFactoryOptions.USER, endpoint.user())
			.option(ConnectionFactoryOptions.PASSWORD, endpoint.password())
			.option(MySqlConnectionFactoryProvider.CONNECTION_TIME_ZONE, "UTC")
			.option(MySqlConnectionFactoryProvider.FORCE_CONNECTION_TIME_ZONE_TO_SESSION, true)
			.build();
		ConnectionFactory factory = ConnectionFactories.get(options);
		return new LoggedConnectionPool(ConnectionPoolConfiguration.builder(factory)
			.initialSize(Math.min(2, poolSize))
			.maxSize(poolSize)
			.maxIdleTime(Duration.ofMinutes(10))
			.maxAcquireTime(Duration.ofSeconds(10))
			.validationDepth(ValidationDepth.LOCAL)
			.name("cockpit")
			.build());
	}

	@Bean
	ReactiveTransactionManager transactionManager(ConnectionFactory connectionFactory) {
		return new R2dbcTransactionManager(connectionFactory);
	}

	/**
	 * Mutations run READ COMMITTED: they serialize on the project's row lock, and every
	 * read after the lock must see what the previous holder committed. Under REPEATABLE
	 * READ a plain read taken before the lock (finding a child's project) would pin an
	 * older snapshot, and version numbers or positions computed afterwards would repeat.
	 */
	@Bean
	TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
		DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
		definition.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		return TransactionalOperator.create(transactionManager, definition);
	}

	/** The pool, whose close is logged (the shutdown order is one line each). */
	static final class LoggedConnectionPool extends ConnectionPool {

		LoggedConnectionPool(ConnectionPoolConfiguration configuration) {
			super(configuration);
		}

		void closeLogged() {
			dispose();
			log.info("Connection pool closed");
		}

	}

	/**
	 * Holds the embedded server, if one was started, so that it stops with the
	 * application.
	 */
	record EmbeddedDatabaseHolder(@Nullable EmbeddedMariaDb database) implements AutoCloseable {

		@Override
		public void close() {
			if (database != null) {
				database.close();
			}
		}

	}

}

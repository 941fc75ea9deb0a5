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
import java.util.Objects;
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
	EmbeddedDatabaseHolder embeddedDatabase(DatabaseSettings settings) {
		return new EmbeddedDatabaseHolder(settings.embedded() ? EmbeddedMariaDb.start(settings.dataPath()) : null);
	}

	@Bean
	DatabaseEndpoint databaseEndpoint(DatabaseSettings settings, EmbeddedDatabaseHolder embedded) {
		// Without an embedded server the database is external, so its URL is set.
		DatabaseEndpoint endpoint = embedded.database() != null ? embedded.database().endpoint() : DatabaseEndpoint
			.parse(Objects.requireNonNull(settings.db().url()), settings.db().user(), settings.db().password());
		SchemaChanges changes = SchemaChanges.of(settings, endpoint);
		if (settings.embedded()) {
			// Approval is implicit here; apply also creates the ledger.
			int applied = changes.apply();
			if (applied > 0) {
				log.info("Applied {} pending changesets to {}", applied, endpoint);
			}
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
		changes.apply();
		return endpoint;
	}

	/**
	 * The schema's changes on the server's database, for the admins' schemaStatus and
	 * schemaHealth.
	 */
	@Bean
	SchemaChanges schemaChanges(DatabaseSettings settings, DatabaseEndpoint endpoint) {
		return SchemaChanges.of(settings, endpoint);
	}

	@Bean(destroyMethod = "dispose")
	ConnectionPool connectionFactory(DatabaseSettings settings, DatabaseEndpoint endpoint,
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
		return new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
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

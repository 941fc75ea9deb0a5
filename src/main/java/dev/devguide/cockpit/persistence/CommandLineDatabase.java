package dev.devguide.cockpit.persistence;

import io.asyncer.r2dbc.mysql.MySqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The database of a command that runs without the server (such as {@code keys rotate}):
 * the one {@code COCKPIT_DB_URL} names, or the embedded one, with a client and READ
 * COMMITTED transactions like the server's. It refuses to run while changesets are
 * pending, since the command may need their columns.
 */
public final class CommandLineDatabase {

	private final DatabaseSettings settings;

	private final DatabaseClient client;

	private final TransactionalOperator transactions;

	private CommandLineDatabase(DatabaseSettings settings, DatabaseClient client, TransactionalOperator transactions) {
		this.settings = settings;
		this.client = client;
		this.transactions = transactions;
	}

	/**
	 * Runs {@code command} against the database of {@code settings}, starting and
	 * stopping the embedded one if that is where it is.
	 */
	public static <T> T run(DatabaseSettings settings, Function<CommandLineDatabase, T> command) {
		EmbeddedMariaDb embedded = settings.embedded() ? EmbeddedMariaDb.start(settings.dataPath()) : null;
		try {
			// Not embedded: an external database, whose URL is set.
			DatabaseEndpoint endpoint = embedded != null ? embedded.endpoint() : DatabaseEndpoint
				.parse(Objects.requireNonNull(settings.db().url()), settings.db().user(), settings.db().password());
			List<String> pending = new Migrations(endpoint).pending();
			if (!pending.isEmpty()) {
				throw new IllegalStateException(
						pending.size() + " changesets are pending on " + endpoint + "; run migrate apply first");
			}
			ConnectionFactory factory = ConnectionFactories.get(options(settings, endpoint));
			DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
			definition.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
			TransactionalOperator transactions = TransactionalOperator.create(new R2dbcTransactionManager(factory),
					definition);
			return command.apply(new CommandLineDatabase(settings, DatabaseClient.create(factory), transactions));
		}
		finally {
			if (embedded != null) {
				embedded.close();
			}
		}
	}

	public DatabaseSettings settings() {
		return settings;
	}

	public DatabaseClient client() {
		return client;
	}

	public TransactionalOperator transactions() {
		return transactions;
	}

	private static ConnectionFactoryOptions options(DatabaseSettings settings, DatabaseEndpoint endpoint) {
		@Nullable String url = settings.db().url();
		ConnectionFactoryOptions base = settings.embedded() || url == null
				? ConnectionFactoryOptions.parse("r2dbc:mysql://" + endpoint.host() + ":" + endpoint.port() + "/"
						+ endpoint.database() + "?sslMode=DISABLED")
				: ConnectionFactoryOptions.parse(url);
		return base.mutate()
			.option(ConnectionFactoryOptions.USER, endpoint.user())
			.option(ConnectionFactoryOptions.PASSWORD, endpoint.password())
			.option(MySqlConnectionFactoryProvider.CONNECTION_TIME_ZONE, "UTC")
			.option(MySqlConnectionFactoryProvider.FORCE_CONNECTION_TIME_ZONE_TO_SESSION, true)
			.build();
	}

}

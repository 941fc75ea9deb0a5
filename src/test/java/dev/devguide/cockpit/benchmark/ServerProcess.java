package dev.devguide.cockpit.benchmark;

import dev.devguide.cockpit.CockpitApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The server under measurement, in a JVM of its own: {@link CockpitApplication} on this
 * JVM's class path, started with the given JVM options on a free loopback port, pointed
 * at the database the benchmark's test context started, and signing-key compatible with
 * it (the same JWT secret), so tokens issued by the test context are valid here. A JMX
 * connector on another free loopback port lets {@link ServerMeter} read its threads'
 * allocation and {@link Profiles} drive its Flight Recorder. Its output goes to
 * {@code target/benchmark-server.log}.
 */
final class ServerProcess implements AutoCloseable {

	/**
	 * The JVM options used when {@code -Dbench.server-jvm-args} is not given (README,
	 * "Benchmark", says why).
	 */
	static final String DEFAULT_JVM_ARGS = "-Xms256m -Xmx768m -XX:+UseG1GC";

	private static final Duration READY_WITHIN = Duration.ofMinutes(3);

	private static final Duration STOP_WITHIN = Duration.ofSeconds(30);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

	private static final Path LOG = Path.of("target", "benchmark-server.log");

	private final List<String> jvmArgs;

	private final Process process;

	private final Thread killOnExit;

	private final int port;

	private @Nullable JMXConnector jmx;

	private ServerProcess(List<String> jvmArgs, Map<String, String> environment) {
		this.jvmArgs = jvmArgs;
		int jmxPort;
		try (ServerSocket http = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				ServerSocket management = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			this.port = http.getLocalPort();
			jmxPort = management.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArgs);
		command.addAll(List.of("-Dcom.sun.management.jmxremote.port=" + jmxPort,
				"-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort, "-Dcom.sun.management.jmxremote.host=127.0.0.1",
				"-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false",
				"-Djava.rmi.server.hostname=127.0.0.1"));
		command.addAll(List.of("-cp", classPath(), CockpitApplication.class.getName(), "--server.port=" + port,
				"--server.address=127.0.0.1", "--logging.level.root=warn"));
		try {
			Files.createDirectories(LOG.getParent());
			Files.writeString(LOG, String.join(" ", command) + System.lineSeparator());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
			// The database credentials and the JWT secret go by environment, not on the
			// command line that ps shows.
			builder.environment().putAll(environment);
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// Should the benchmark's JVM end abnormally (an interrupted Maven run), the
		// server must not outlive it.
		this.killOnExit = new Thread(process::destroyForcibly, "benchmark-server-kill");
		Runtime.getRuntime().addShutdownHook(killOnExit);
		try {
			awaitHealthy();
			this.jmx = JMXConnectorFactory
				.connect(new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"));
		}
		catch (IOException | RuntimeException ex) {
			close();
			throw new IllegalStateException("the benchmark's server did not start; see " + LOG, ex);
		}
	}

	/**
	 * Starts the server with {@code jvmArgs} (whitespace-separated JVM options) on the
	 * given database, and returns once its health endpoint answers UP.
	 */
	static ServerProcess start(String jvmArgs, String databaseUrl, String databaseUser, String databasePassword,
			String jwtSecret) {
		List<String> options = Arrays.stream(jvmArgs.trim().split("\\s+")).filter(arg -> !arg.isEmpty()).toList();
		// The load comes from a few benchmark users: the per-caller limits (README,
		// "Limits")
		// would throttle it, so they are lifted; the per-request limits stay.
		return new ServerProcess(options,
				Map.of("COCKPIT_DB_URL", databaseUrl, "COCKPIT_DB_USER", databaseUser, "COCKPIT_DB_PASSWORD",
						databasePassword, "COCKPIT_JWT_SECRET", jwtSecret, "COCKPIT_LIMITS_COST_PER_MINUTE", "0",
						"COCKPIT_LIMITS_MAX_CONCURRENT", "100000"));
	}

	/**
	 * This JVM's class path without empty entries: Surefire's ends with a separator, an
	 * empty entry that means the working directory, where Liquibase would find
	 * {@code migrations/changelog.yaml} a second time and refuse to start.
	 */
	private static String classPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
			.filter(entry -> !entry.isEmpty())
			.collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
	}

	/**
	 * Polls {@code /actuator/health} until it reports UP, the process ends, or the
	 * deadline passes; waiting for the process's exit is the pause between polls.
	 */
	private void awaitHealthy() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + READY_WITHIN.toNanos();
		while (true) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the server process ended with status " + process.exitValue());
			}
			if (up(http, health)) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the server was not UP within " + READY_WITHIN);
			}
			try {
				process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static boolean up(HttpClient http, HttpRequest health) {
		try {
			HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The server's process: CPU time and resident set size are read from it. */
	ProcessHandle handle() {
		return process.toHandle();
	}

	/** The server's platform MBeans, over JMX. */
	MBeanServerConnection management() {
		JMXConnector connector = jmx;
		if (connector == null) {
			throw new IllegalStateException("the server is not connected");
		}
		try {
			return connector.getMBeanServerConnection();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The server JVM's maximum heap in bytes (-1 if undefined). */
	long maxHeapBytes() {
		try {
			return ManagementFactory
				.newPlatformMXBeanProxy(management(), ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class)
				.getHeapMemoryUsage()
				.getMax();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The JVM options it was started with. */
	String jvmArgs() {
		return String.join(" ", jvmArgs);
	}

	String graphqlUrl() {
		return "http://127.0.0.1:" + port + "/graphql";
	}

	String webSocketUrl() {
		return "ws://127.0.0.1:" + port + "/graphql";
	}

	/** A GraphQL tester for this server, as the caller of {@code token}. */
	HttpGraphQlTester tester(String token) {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl(graphqlUrl())
			.responseTimeout(Duration.ofSeconds(30))
			.defaultHeader("Authorization", "Bearer " + token)
			.build();
		return HttpGraphQlTester.create(client);
	}

	/**
	 * Stops the server: a graceful stop (SIGTERM) first, then forcibly if it has not
	 * ended within 30 seconds.
	 */
	@Override
	public void close() {
		JMXConnector connector = jmx;
		jmx = null;
		if (connector != null) {
			try {
				connector.close();
			}
			catch (IOException ex) {
				// The process is stopped next anyway.
			}
		}
		process.destroy();
		try {
			if (!process.waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		try {
			Runtime.getRuntime().removeShutdownHook(killOnExit);
		}
		catch (IllegalStateException ex) {
			// Already shutting down: the hook runs, and finds the process ended.
		}
	}

}

package dev.devguide.cockpit.benchmark;

import static org.assertj.core.api.Assumptions.assumeThat;

import dev.devguide.cockpit.persistence.DatabaseEndpoint;
import dev.devguide.cockpit.persistence.DatabaseSettings;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.SeededHierarchy;
import dev.devguide.cockpit.support.TestUsers;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark, not a test: {@code ./mvnw -Pbenchmark test}. Seeds the specification's
 * scale (200 projects of 4 profiles of 5 dashboards of 8 modules) into the embedded
 * MariaDB, or into {@code COCKPIT_DB_URL}, then measures, each in the same run: the
 * dashboard tree at 10 and 50 projects against its raw-SQL floor (wrk, separate process),
 * live delivery to 1,000 and 10,000 WebSocket subscribers (a client process), and the
 * Bin's submitChange + validateChange (the client process). Prints one table.
 * <p>
 * The server measured is a JVM of its own ({@link ServerProcess}, options
 * {@code -Dbench.server-jvm-args}) on the test context's database: every scenario talks
 * to it, and its CPU, allocation and RSS are its alone. The test context's own server
 * stays idle; the context supplies the database, the seeding, the statement counter, the
 * tokens and the raw-SQL floor (measured as this JVM).
 */
@IntegrationTest
@Tag("benchmark")
class CockpitBenchmark {

	private static final Path TREE = Path.of("graphql", "operations", "dashboardTree.graphql");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	DatabaseClient db;

	@Autowired
	ConnectionFactory connectionFactory;

	@Autowired
	TestUsers users;

	@Autowired
	DatabaseEndpoint database;

	@Autowired
	DatabaseSettings databaseSettings;

	@Value("${cockpit.jwt.secret}")
	String jwtSecret;

	/** The JVM options of the server's process. */
	@Value("${bench.server-jvm-args:" + ServerProcess.DEFAULT_JVM_ARGS + "}")
	String serverJvmArgs;

	@Value("${bench.duration:20s}")
	Duration duration;

	@Value("${bench.warmup:5s}")
	Duration warmup;

	@Value("${bench.connections:8}")
	int connections;

	@Value("${bench.subscribers:1000,10000}")
	List<Integer> subscriberCounts;

	@Value("${bench.events:500}")
	int events;

	@Value("${bench.pairs:3000}")
	int pairs;

	/**
	 * Rounds of each hierarchy measurement, server and floor alternating; medians are
	 * shown.
	 */
	@Value("${bench.rounds:3}")
	int rounds;

	/** True to record a Flight Recorder profile of each measured round into target/. */
	@Value("${bench.profile:false}")
	boolean profile;

	/** Which scenarios run: any of tree, subscriptions, bin. */
	@Value("${bench.scenarios:tree,subscriptions,bin}")
	List<String> scenarios;

	@Test
	void measure() throws IOException {
		assumeThat(Wrk.available()).as("wrk is installed (Debian: apt-get install wrk)").isTrue();
		ResultTable table = new ResultTable();
		BenchmarkData.seed(db);
		String tree = Files.readString(TREE);
		try (ServerProcess server = ServerProcess.start(serverJvmArgs, databaseUrl(), database.user(),
				database.password(), jwtSecret); ServerMeter meter = ServerMeter.of(server, db)) {
			System.out.printf("server: pid %d, %s, RSS %.0f MB when ready%n", server.handle().pid(), server.jvmArgs(),
					meter.residentBytes() / 1048576.0);
			if (scenarios.contains("tree")) {
				try (RawSqlFloor floor = RawSqlFloor.start(connectionFactory);
						ServerMeter floorMeter = ServerMeter.harness(db)) {
					for (int projects : List.of(10, 50)) {
						hierarchy(table, server, meter, floor, floorMeter, tree, projects);
					}
				}
			}
			Deliveries deliveries = new Deliveries(users, server, meter, profile);
			if (scenarios.contains("subscriptions")) {
				for (int subscribers : subscriberCounts) {
					table.add(deliveries.measure(subscribers, events));
				}
			}
			if (scenarios.contains("bin")) {
				table.add(deliveries.bin(pairs, connections));
			}
			System.out.println(table.render(settings(server)));
		}
	}

	/**
	 * The test context's database for the server's process: {@code COCKPIT_DB_URL} as
	 * given, or the embedded MariaDB's address.
	 */
	private String databaseUrl() {
		String external = databaseSettings.db().url();
		if (external != null && !external.isBlank()) {
			return external;
		}
		return "r2dbc:mysql://" + database.host() + ":" + database.port() + "/" + database.database()
				+ "?sslMode=DISABLED";
	}

	private void hierarchy(ResultTable table, ServerProcess serverProcess, ServerMeter meter, RawSqlFloor floor,
			ServerMeter floorMeter, String tree, int projects) {
		String owner = BenchmarkData.owner(projects);
		String body = JSON.writeValueAsString(Map.of("query", tree, "variables", Map.of("first", projects)));
		Map<String, String> headers = Map.of("Content-Type", "application/json", "Authorization",
				"Bearer " + users.token(owner, List.of("user")));
		String server = serverProcess.graphqlUrl();
		sameAnswer(server, body, headers, floor.url(owner, projects));
		String floorUrl = floor.url(owner, projects);
		Map<String, String> json = Map.of("Content-Type", "application/json");
		Wrk.post(server, body, headers, connections, warmup);
		Wrk.post(floorUrl, "{}", json, connections, warmup);
		List<ResultTable.Row> servers = new java.util.ArrayList<>();
		List<ResultTable.Row> floors = new java.util.ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			String suffix = rounds > 1 ? " round " + round : "";
			servers.add(run(meter, "tree of " + projects + " projects: server" + suffix,
					() -> Wrk.post(server, body, headers, connections, duration)));
			floors.add(run(floorMeter, "tree of " + projects + " projects: raw-SQL floor" + suffix,
					() -> Wrk.post(floorUrl, "{}", json, connections, duration)));
		}
		ResultTable.Row floorRow = ResultTable.Row.median(floors);
		table.add(ResultTable.Row.median(servers).against(floorRow));
		table.add(floorRow.versus("CPU, alloc and RSS of the benchmark's JVM (floor + idle test context)"));
	}

	/**
	 * The floor must answer what the server answers, or it is no floor: both are fetched
	 * once and compared as JSON trees.
	 */
	private static void sameAnswer(String server, String body, Map<String, String> headers, String floor) {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest.Builder graphql = HttpRequest.newBuilder(URI.create(server))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(graphql::header);
		long start = System.nanoTime();
		String answer = send(http, graphql.build());
		long graphqlMillis = (System.nanoTime() - start) / 1_000_000;
		start = System.nanoTime();
		String raw = send(http,
				HttpRequest.newBuilder(URI.create(floor))
					.POST(HttpRequest.BodyPublishers.ofString("{}"))
					.header("Content-Type", "application/json")
					.build());
		long floorMillis = (System.nanoTime() - start) / 1_000_000;
		if (!JSON.readTree(answer).equals(JSON.readTree(raw))) {
			throw new IllegalStateException("the floor's answer differs from the server's:\n"
					+ answer.substring(0, Math.min(500, answer.length())) + "\n"
					+ raw.substring(0, Math.min(500, raw.length())));
		}
		System.out.printf("first request: server %d ms, floor %d ms, the same %,d bytes%n", graphqlMillis, floorMillis,
				answer.length());
	}

	private static String send(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private ResultTable.Row run(ServerMeter meter, String name, java.util.function.Supplier<Wrk.Result> load) {
		ServerMeter.Snapshot before = meter.snapshot();
		Wrk.Result result = Profiles.record(meter.recorder(), profile, name, load);
		ServerMeter.Snapshot after = meter.snapshot();
		if (result.failures() > 0) {
			throw new IllegalStateException(name + ": " + result.failures() + " responses were not 2xx");
		}
		return ResultTable.Row.of(name, result.perSecond(), result.p50Millis(), result.p99Millis(), result.requests(),
				before, after);
	}

	private String settings(ServerProcess server) {
		return String.format(
				"%d cores, Java %s; server in its own JVM: %s (max heap %d MiB); floor in the benchmark's JVM "
						+ "(max heap %d MiB); database %s; %d connections, %s per round after %s warm-up",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), server.jvmArgs(),
				server.maxHeapBytes() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024),
				System.getenv("COCKPIT_DB_URL") == null ? "embedded MariaDB 11.4.5" : "COCKPIT_DB_URL", connections,
				duration, warmup);
	}

	/** The seeded data set: deterministic, so a database seeded once is reused. */
	static final class BenchmarkData {

		/** 10 + 50 projects for the two measured owners, and 140 more for 14 others. */
		static void seed(DatabaseClient db) {
			Long seeded = db.sql("SELECT COUNT(*) AS n FROM projects WHERE owner_user_id = :o")
				.bind("o", owner(10))
				.map(row -> row.get("n", Long.class))
				.one()
				.block();
			if (seeded != null && seeded > 0) {
				return;
			}
			SeededHierarchy hierarchy = new SeededHierarchy(db);
			hierarchy.projects(owner(10), 10, SeededHierarchy.Shape.SPEC);
			hierarchy.projects(owner(50), 50, SeededHierarchy.Shape.SPEC);
			for (int other = 0; other < 14; other++) {
				hierarchy.projects("bench-owner-other-" + other, 10, SeededHierarchy.Shape.SPEC);
			}
		}

		static String owner(int projects) {
			return "bench-owner-" + projects;
		}

	}

}

package dev.devguide.cockpit.benchmark;

import static org.assertj.core.api.Assumptions.assumeThat;

import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analytics benchmark, not a test: {@code ./mvnw -Pbenchmark test
 * -Dtest=AnalyticsBenchmark}. Seeds {@code bench.analytics.rows} raw token usage rows
 * (default 10 million) with their rollups, 100,000 violations and 100,000 changes with
 * propagation rows ({@link AnalyticsData}), then measures with wrk at fixed concurrency:
 * the 30-day trend of one project and of one owner's 20 projects, the breakdown by model,
 * {@code complianceReport} and {@code highImpactChanges}; the specification's raw trend
 * SQL on the raw rows through the same R2DBC pool; and {@code recordTokenUsage} with
 * 100-entry batches from 4 clients on their own projects and from 8 clients on one
 * project (the same rollup rows). Prints one table.
 */
@IntegrationTest
@Tag("benchmark")
class AnalyticsBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TREND = """
			query($p: [ID!], $from: DateTime, $to: DateTime) {
			  tokenUsageTrend(projectIds: $p, from: $from, to: $to, granularity: DAY, groupBy: [PROVIDER]) {
			    provider totals { requests cost }
			    points { bucketStart inputTokens outputTokens totalTokens cost requests }
			  }
			}""";

	private static final String BREAKDOWN = """
			query($from: DateTime, $to: DateTime) {
			  tokenUsageBreakdown(from: $from, to: $to, by: MODEL) {
			    from to totals { inputTokens outputTokens cost requests }
			    groups { key inputTokens outputTokens totalTokens cost costShare requests }
			  }
			}""";

	private static final String COMPLIANCE = """
			{ complianceReport { violations open resolved suppressed complianceRate
			    standards { standardId standardName category violations open resolved suppressed complianceRate } } }""";

	private static final String HIGH_IMPACT = """
			{ highImpactChanges { changeId projectId changeType createdAt affectedDashboards totalTokenCost
			    averageDurationMs } }""";

	private static final String RECORD = """
			mutation($input: RecordTokenUsageInput!) { recordTokenUsage(input: $input) { recorded totalCost } }""";

	@Autowired
	DatabaseClient db;

	@Autowired
	ConnectionFactory connectionFactory;

	@Autowired
	TestUsers users;

	@LocalServerPort
	int port;

	@Value("${bench.analytics.rows:10000000}")
	long rows;

	@Value("${bench.analytics.violations:100000}")
	int violations;

	@Value("${bench.analytics.changes:100000}")
	int changes;

	@Value("${bench.duration:20s}")
	Duration duration;

	@Value("${bench.warmup:5s}")
	Duration warmup;

	@Value("${bench.connections:8}")
	int connections;

	/** Clients of the spread ingest, each on 5 projects of its own. */
	@Value("${bench.ingest.clients:4}")
	int ingestClients;

	/** Clients of the contended ingest, all on one project and the same rollup rows. */
	@Value("${bench.ingest.contended:8}")
	int contendedClients;

	@Value("${bench.ingest.batch:100}")
	int batch;

	/** Which scenarios run: any of reads (the queries and the raw SQL) and ingest. */
	@Value("${bench.analytics.scenarios:reads,ingest}")
	List<String> scenarios;

	@Test
	void measure() {
		assumeThat(Wrk.available()).as("wrk is installed (Debian: apt-get install wrk)").isTrue();
		AnalyticsData data = new AnalyticsData(db, connectionFactory, rows, violations, changes);
		data.seed();
		AnalyticsMeter meter = new AnalyticsMeter(db);
		AnalyticsTable table = new AnalyticsTable();
		String server = "http://127.0.0.1:" + port + "/graphql";
		String project = AnalyticsData.project(0);
		Instant to = AnalyticsData.END;
		Instant from = to.minus(Duration.ofDays(30));
		Map<String, String> owner = headers(users.token(AnalyticsData.owner(0), List.of("user")));
		Map<String, String> admin = headers(users.token("bench-analytics-admin", List.of("user", "admin")));
		Map<String, Object> range = Map.of("from", from.toString(), "to", to.toString());
		String trendOne = body(TREND, Map.of("p", List.of(project), "from", from.toString(), "to", to.toString()));
		String trendOwner = body(TREND, range);
		String breakdown = body(BREAKDOWN, range);
		String compliance = body(COMPLIANCE, Map.of());
		String highImpact = body(HIGH_IMPACT, Map.of());

		if (scenarios.contains("reads")) {
			reads(table, meter, server, from, to, owner, admin, trendOne, trendOwner, breakdown, compliance,
					highImpact);
		}
		if (scenarios.contains("ingest")) {
			Map<String, String> gateway = headers(users.token("bench-analytics-gateway", List.of("ingest")));
			ingest(table, meter, server, gateway, false);
			ingest(table, meter, server, gateway, true);
		}
		System.out.println(table.render(settings()));
	}

	private void reads(AnalyticsTable table, AnalyticsMeter meter, String server, Instant from, Instant to,
			Map<String, String> owner, Map<String, String> admin, String trendOne, String trendOwner, String breakdown,
			String compliance, String highImpact) {
		String project = AnalyticsData.project(0);
		RawTrendLoad raw = new RawTrendLoad(connectionFactory, project, LocalDateTime.ofInstant(from, ZoneOffset.UTC));
		sameTrend(server, trendOne, owner, raw.once());
		explain(project, from, to);
		for (String[] check : new String[][] { { "trend, 20 projects", trendOwner }, { "breakdown", breakdown },
				{ "complianceReport", compliance }, { "highImpactChanges", highImpact } }) {
			first(check[0], server, check[1], owner);
		}
		first("complianceReport (admin)", server, compliance, admin);
		first("highImpactChanges (admin)", server, highImpact, admin);

		AnalyticsTable.Row oneTrend = graphql(meter, "30-day trend, 1 project, DAY x PROVIDER", server, trendOne, owner,
				"");
		AnalyticsTable.Row baseline = rawBaseline(meter, raw);
		table.add(oneTrend.noted(String.format("target p99 < 50 ms and >= 3x the raw SQL: %.2fx the raw SQL's req/s",
				oneTrend.perSecond() / baseline.perSecond())));
		table.add(baseline);
		table.add(graphql(meter, "30-day trend, 20 projects of an owner, DAY x PROVIDER", server, trendOwner, owner,
				"target p99 < 50 ms"));
		table.add(graphql(meter, "breakdown by MODEL, 30 days, 20 projects", server, breakdown, owner, ""));
		table.add(graphql(meter, "complianceReport, owner (20 projects)", server, compliance, owner,
				"target p99 < 100 ms"));
		table.add(graphql(meter, "complianceReport, admin (every violation)", server, compliance, admin,
				"target p99 < 100 ms"));
		table.add(graphql(meter, "highImpactChanges, owner (20 projects, 7 days)", server, highImpact, owner,
				"target p99 < 100 ms"));
		table.add(graphql(meter, "highImpactChanges, admin (all projects, 7 days)", server, highImpact, admin,
				"target p99 < 100 ms"));
	}

	/**
	 * Waits (at most 2 minutes) until the database runs no statement but this one: wrk
	 * stops at its deadline, but the server finishes the statements of the requests it
	 * had accepted, which would otherwise load the next scenario.
	 */
	private void quiesce() {
		long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < until) {
			Long running = db
				.sql("SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE COMMAND = 'Query' "
						+ "AND ID <> CONNECTION_ID()")
				.map(row -> ((Number) row.get("n")).longValue())
				.one()
				.onErrorReturn(0L)
				.block();
			if (running == null || running == 0) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** A scenario through the server: warm-up, then the measured run. */
	private AnalyticsTable.Row graphql(AnalyticsMeter meter, String name, String server, String body,
			Map<String, String> headers, String note) {
		Wrk.post(server, body, headers, connections, warmup);
		quiesce();
		AnalyticsMeter.Reading before = meter.read();
		Wrk.Result result = Wrk.post(server, body, headers, connections, duration);
		AnalyticsMeter.Reading after = meter.read();
		quiesce();
		if (result.failures() > 0) {
			throw new IllegalStateException(name + ": " + result.failures() + " responses were not 2xx");
		}
		return new AnalyticsTable.Row(name, result.perSecond(), result.p50Millis(), result.p99Millis(), Double.NaN,
				before.to(after, result.requests()), note);
	}

	private AnalyticsTable.Row rawBaseline(AnalyticsMeter meter, RawTrendLoad raw) {
		raw.run(connections, warmup);
		AnalyticsMeter.Reading before = meter.read();
		RawTrendLoad.Result result = raw.run(connections, duration);
		AnalyticsMeter.Reading after = meter.read();
		return new AnalyticsTable.Row("raw SQL: the spec's 30-day trend on token_usage, 1 project", result.perSecond(),
				result.p50Millis(), result.p99Millis(), Double.NaN, before.to(after, result.calls()), String.format(
						"R2DBC pool in this JVM, %.0f rows per answer; CPU includes the caller", result.rowsPerCall()));
	}

	/**
	 * recordTokenUsage with {@link #batch}-entry calls: spread (each of
	 * {@link #ingestClients} clients on 5 projects of owner 9, models and operations
	 * mixed) or contended ({@link #contendedClients} clients, every entry on one project
	 * with the same provider, model, operation and context, so every call adds to the
	 * same hourly and daily rollup rows). Rows/s counts the rows written in the measured
	 * run.
	 */
	private void ingest(AnalyticsTable table, AnalyticsMeter meter, String server, Map<String, String> headers,
			boolean contended) {
		int clients = contended ? contendedClients : ingestClients;
		Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
		List<String> bodies = new ArrayList<>();
		List<String> projects = new ArrayList<>();
		for (int client = 0; client < clients; client++) {
			List<Map<String, Object>> entries = new ArrayList<>();
			for (int e = 0; e < batch; e++) {
				int project = contended ? AnalyticsData.PROJECTS - 1 : 180 + (client * 5 + e % 5) % 20;
				int model = contended ? 0 : (e / 5) % 8;
				String id = AnalyticsData.project(project);
				if (!projects.contains(id)) {
					projects.add(id);
				}
				entries.add(Map.of("projectId", id, "provider",
						List.of("claude", "openai", "phi3", "tinyllama").get(model / 2), "model",
						"bench-model-" + model, "inputTokens", 100 + e, "outputTokens", 50 + e, "totalCost",
						"0.0" + (100 + e), "operationType",
						contended ? "chat" : List.of("chat", "estimation", "tool_call").get(e % 3), "dashboardContext",
						"cockpit", "timestamp", at.toString()));
			}
			bodies.add(body(RECORD, Map.of("input", Map.of("entries", entries))));
		}
		for (String body : bodies) {
			String answer = send(server, body, headers);
			if (answer.contains("\"errors\"")) {
				throw new IllegalStateException("recordTokenUsage refused: " + answer);
			}
		}
		String name = contended ? "ingest: " + clients + " clients, 1 project, same rollup rows, " + batch + "/call"
				: "ingest: " + clients + " clients, 5 projects each, " + batch + "/call";
		WrkBodies.post(server, bodies, headers, clients, warmup);
		quiesce();
		long rowsBefore = rawRows(projects, at);
		AnalyticsMeter.Reading before = meter.read();
		Wrk.Result result = WrkBodies.post(server, bodies, headers, clients, duration);
		AnalyticsMeter.Reading after = meter.read();
		quiesce();
		long written = rawRows(projects, at) - rowsBefore;
		if (result.failures() > 0) {
			throw new IllegalStateException(name + ": " + result.failures() + " responses were not 2xx");
		}
		String exact = contended ? exact(AnalyticsData.project(AnalyticsData.PROJECTS - 1), at) : "";
		table.add(new AnalyticsTable.Row(name, result.perSecond(), result.p50Millis(), result.p99Millis(),
				result.perSecond() * batch, before.to(after, result.requests()),
				"target >= 5,000 rows/s, p99 < 50 ms; " + written + " rows written" + exact));
	}

	/** Raw rows of the projects at the ingest's timestamp. */
	private long rawRows(List<String> projects, Instant at) {
		return db.sql("SELECT COUNT(*) AS n FROM token_usage WHERE project_id IN (:p) AND `timestamp` = :at")
			.bind("p", projects)
			.bind("at", LocalDateTime.ofInstant(at, ZoneOffset.UTC))
			.map(row -> ((Number) row.get("n")).longValue())
			.one()
			.blockOptional()
			.orElse(0L);
	}

	/**
	 * Whether the contended project's hourly rollup row of the ingest's hour equals a
	 * {@code GROUP BY} over its raw rows.
	 */
	private String exact(String project, Instant at) {
		LocalDateTime hour = LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.HOURS), ZoneOffset.UTC);
		String rollup = db
			.sql("SELECT CAST(SUM(requests) AS SIGNED) AS r, CAST(SUM(input_tokens) AS SIGNED) AS i, "
					+ "SUM(total_cost) AS c FROM token_usage_hourly WHERE project_id = :p AND bucket_start = :h")
			.bind("p", project)
			.bind("h", hour)
			.map(AnalyticsBenchmark::sums)
			.one()
			.block();
		String sums = db.sql("SELECT CAST(COUNT(*) AS SIGNED) AS r, CAST(SUM(input_tokens) AS SIGNED) AS i, "
				+ "SUM(total_cost) AS c FROM token_usage WHERE project_id = :p AND `timestamp` >= :h AND `timestamp` < :e")
			.bind("p", project)
			.bind("h", hour)
			.bind("e", hour.plusHours(1))
			.map(AnalyticsBenchmark::sums)
			.one()
			.block();
		return String.valueOf(rollup).equals(sums) ? "; hourly rollup = GROUP BY of the raw rows (" + sums + ")"
				: "; ROLLUP DIFFERS: " + rollup + " vs raw " + sums;
	}

	private static String sums(io.r2dbc.spi.Readable row) {
		BigDecimal cost = row.get("c", BigDecimal.class);
		return row.get("r", Long.class) + " requests, " + row.get("i", Long.class) + " input tokens, cost "
				+ (cost == null ? null : cost.stripTrailingZeros().toPlainString());
	}

	/**
	 * The server's trend of one project must give the raw SQL's sums per day and
	 * provider, or the comparison is void.
	 */
	@SuppressWarnings("unchecked")
	private void sameTrend(String server, String body, Map<String, String> headers, List<RawTrendLoad.Row> raw) {
		String answer = first("trend, 1 project", server, body, headers);
		Map<String, Object> data = (Map<String, Object>) JSON.readValue(answer, Map.class).get("data");
		Map<String, String> fromServer = new TreeMap<>();
		for (Map<String, Object> series : (List<Map<String, Object>>) data.get("tokenUsageTrend")) {
			for (Map<String, Object> point : (List<Map<String, Object>>) series.get("points")) {
				if (((Number) point.get("requests")).longValue() > 0) {
					fromServer.put(
							String.valueOf(point.get("bucketStart")).substring(0, 10) + " " + series.get("provider"),
							point.get("inputTokens") + " " + point.get("outputTokens") + " "
									+ new BigDecimal(String.valueOf(point.get("cost"))).stripTrailingZeros()
										.toPlainString());
				}
			}
		}
		Map<String, String> fromRaw = new TreeMap<>();
		raw.forEach(row -> fromRaw.put(row.day() + " " + row.provider(),
				row.inputTokens() + " " + row.outputTokens() + " " + row.cost().stripTrailingZeros().toPlainString()));
		if (!fromServer.equals(fromRaw)) {
			throw new IllegalStateException(
					"the server's trend differs from the raw SQL's:\n" + fromServer + "\n" + fromRaw);
		}
		System.out.printf("the server's trend equals the raw SQL's: %d (day, provider) sums%n", fromRaw.size());
	}

	/** Sends one request, checks it has no errors, prints its time and size. */
	private static String first(String name, String server, String body, Map<String, String> headers) {
		long start = System.nanoTime();
		String answer = send(server, body, headers);
		if (answer.contains("\"errors\"")) {
			throw new IllegalStateException(name + " failed: " + answer.substring(0, Math.min(1000, answer.length())));
		}
		System.out.printf("first %s: %d ms, %,d bytes: %s%n", name, (System.nanoTime() - start) / 1_000_000,
				answer.length(), answer.substring(0, Math.min(240, answer.length())));
		return answer;
	}

	/** The plans of the raw SQL and of the rollup query the server runs for a trend. */
	private void explain(String project, Instant from, Instant to) {
		LocalDateTime since = LocalDateTime.ofInstant(from, ZoneOffset.UTC);
		print("EXPLAIN raw SQL",
				db.sql("EXPLAIN " + RawTrendLoad.SQL.replaceFirst("\\?", ":p").replaceFirst("\\?", ":f"))
					.bind("p", project)
					.bind("f", since));
		print("EXPLAIN rollup, 1 project", db.sql("EXPLAIN SELECT bucket_start, provider, SUM(input_tokens), "
				+ "SUM(output_tokens), SUM(total_cost), SUM(requests) FROM token_usage_daily_model WHERE project_id IN (:p) "
				+ "AND bucket_start >= :f AND bucket_start < :t GROUP BY bucket_start, provider")
			.bind("p", project)
			.bind("f", since)
			.bind("t", LocalDateTime.ofInstant(to, ZoneOffset.UTC)));
		print("EXPLAIN rollup, an owner's projects", db.sql("EXPLAIN SELECT bucket_start, provider, SUM(input_tokens), "
				+ "SUM(output_tokens), SUM(total_cost), SUM(requests) FROM token_usage_daily_model WHERE project_id IN "
				+ "(SELECT id FROM projects WHERE owner_user_id = :o) AND bucket_start >= :f AND bucket_start < :t "
				+ "GROUP BY bucket_start, provider")
			.bind("o", AnalyticsData.owner(0))
			.bind("f", since)
			.bind("t", LocalDateTime.ofInstant(to, ZoneOffset.UTC)));
		String scope = "(SELECT id FROM projects WHERE owner_user_id = :o)";
		print("EXPLAIN complianceReport, owner",
				db.sql("EXPLAIN SELECT ms.id, ms.category, ms.standard_name, COALESCE(c.violations, 0), "
						+ "COALESCE(c.open_count, 0) FROM metadata_standards ms LEFT JOIN (SELECT mv.standard_id, "
						+ "COUNT(mv.id) AS violations, COUNT(CASE WHEN mv.status = 'open' THEN 1 END) AS open_count "
						+ "FROM metadata_violations mv WHERE mv.project_id IN " + scope
						+ " GROUP BY mv.standard_id) c ON c.standard_id = ms.id WHERE ms.is_active = TRUE")
					.bind("o", AnalyticsData.owner(0)));
		print("EXPLAIN highImpactChanges, owner", db.sql("EXPLAIN SELECT sb.id, sb.project_id, sb.change_type, "
				+ "sb.created_at, COUNT(DISTINCT pl.affected_dashboard_id) AS affected, "
				+ "CAST(COALESCE(SUM(pl.token_cost), 0) AS SIGNED) AS cost, AVG(pl.duration_ms) FROM sync_buffer sb "
				+ "JOIN propagation_log pl ON pl.sync_buffer_id = sb.id WHERE sb.project_id IN " + scope
				+ " AND sb.created_at >= :s GROUP BY sb.id, sb.project_id, sb.change_type, sb.created_at "
				+ "HAVING COUNT(DISTINCT pl.affected_dashboard_id) >= 4 ORDER BY cost DESC, sb.id LIMIT 10")
			.bind("o", AnalyticsData.owner(0))
			.bind("s", LocalDateTime.ofInstant(Instant.now().minus(Duration.ofDays(7)), ZoneOffset.UTC)));
	}

	private static void print(String title, DatabaseClient.GenericExecuteSpec explain) {
		System.out.println(title + ":");
		explain.fetch().all().doOnNext(row -> System.out.println("  " + row)).blockLast();
	}

	private static Map<String, String> headers(String token) {
		return Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token);
	}

	private static String body(String query, Map<String, Object> variables) {
		return JSON.writeValueAsString(Map.of("query", query, "variables", variables));
	}

	private static String send(String url, String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofMinutes(2))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String settings() {
		String pool = db.sql("SELECT CAST(@@innodb_buffer_pool_size AS CHAR) AS v")
			.map(row -> String.valueOf(row.get("v", String.class)))
			.one()
			.onErrorReturn("?")
			.block();
		return String.format(
				"%d cores, Java %s, max heap %d MiB, database %s (InnoDB buffer pool %s bytes); %,d raw rows, "
						+ "%,d violations, %,d changes; %d connections, %s per scenario after %s warm-up",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() / (1024 * 1024),
				System.getenv("COCKPIT_DB_URL") == null ? "embedded MariaDB 11.4" : "COCKPIT_DB_URL", pool, rows,
				violations, changes, connections, duration, warmup);
	}

}

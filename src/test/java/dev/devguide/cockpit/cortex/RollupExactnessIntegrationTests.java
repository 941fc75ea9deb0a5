package dev.devguide.cockpit.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.persistence.DatabaseEndpoint;
import dev.devguide.cockpit.security.TokenIssuer;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.SecondInstance;
import dev.devguide.cockpit.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Two server instances on one database; four writers send overlapping batches (the same
 * project, hours, providers and models) to both, and send every third batch twice with
 * its idempotency key, as a client does whose answer was lost. Afterwards every rollup
 * row equals a GROUP BY over the raw rows, and nothing was counted twice.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupExactnessIntegrationTests {

	private static final int WRITERS = 4;

	private static final int BATCHES_PER_WRITER = 15;

	private static final int ENTRIES_PER_BATCH = 40;

	@Autowired
	TokenIssuer issuer;

	@Autowired
	DatabaseEndpoint database;

	@Autowired
	DatabaseClient db;

	@LocalServerPort
	int portA;

	@Value("${cockpit.jwt.secret}")
	String secret;

	SecondInstance second;

	int portB;

	@BeforeAll
	void startSecondInstance() {
		second = SecondInstance.start(database, secret);
		portB = second.port();
	}

	@AfterAll
	void stopSecondInstance() {
		second.close();
	}

	@Test
	void everyRollupRowEqualsTheGroupByOverTheRawRows() {
		String owner = "rollup-" + UUID.randomUUID();
		String token = issuer.issue(owner, List.of("user"), Duration.ofHours(1));
		List<String> projects = Flux.range(0, 2)
			.concatMap(
					i -> http(portA, token).document("mutation { createProject(input: {name: \"r" + i + "\"}) { id } }")
						.retrieve("createProject.id")
						.toEntity(String.class))
			.collectList()
			.block();
		String ingest = issuer.issue("rollup-gateway-" + UUID.randomUUID(), List.of("ingest"), Duration.ofHours(1));
		Long sent = Flux.range(0, WRITERS)
			.flatMap(writer -> Flux.range(0, BATCHES_PER_WRITER)
				.concatMap(batch -> send(ingest, projects, writer, batch)), WRITERS)
			.reduce(0L, Long::sum)
			.block(Duration.ofMinutes(5));
		assertThat(sent).isEqualTo((long) WRITERS * BATCHES_PER_WRITER * ENTRIES_PER_BATCH);

		TestDatabase rows = new TestDatabase(db);
		Map<String, Object> params = Map.of("projects", projects);
		assertThat(rows.rows("SELECT COUNT(*) AS n FROM token_usage WHERE project_id IN (:projects)", params).get(0))
			.containsEntry("n", sent);
		for (String[] rollup : List.of(
				new String[] { "token_usage_hourly", "%Y-%m-%d %H:00:00", "operation_type", "dashboard_context" },
				new String[] { "token_usage_daily", "%Y-%m-%d 00:00:00", "operation_type", "dashboard_context" },
				new String[] { "token_usage_daily_model", "%Y-%m-%d 00:00:00", "''", "''" })) {
			List<Map<String, Object>> stored = rows.rows("SELECT DATE_FORMAT(bucket_start, '%Y-%m-%d %H:%i:%s') AS b, "
					+ "project_id, provider, model, " + rollup[2] + " AS o, " + rollup[3] + " AS d, input_tokens AS i, "
					+ "output_tokens AS t, total_cost AS c, requests AS r FROM " + rollup[0]
					+ " WHERE project_id IN (:projects) ORDER BY 1, 2, 3, 4, 5, 6", params);
			String operation = rollup[2].equals("''") ? "''" : "COALESCE(operation_type, '')";
			String context = rollup[3].equals("''") ? "''" : "COALESCE(dashboard_context, '')";
			List<Map<String, Object>> grouped = rows.rows(
					"SELECT DATE_FORMAT(`timestamp`, '" + rollup[1] + "') AS b, " + "project_id, provider, model, "
							+ operation + " AS o, " + context + " AS d, "
							+ "CAST(SUM(input_tokens) AS SIGNED) AS i, CAST(SUM(output_tokens) AS SIGNED) AS t, "
							+ "SUM(total_cost) AS c, COUNT(*) AS r FROM token_usage "
							+ "WHERE project_id IN (:projects) GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6",
					params);
			assertThat(stored).as(rollup[0]).hasSizeGreaterThan(5).hasSameSizeAs(grouped);
			for (int i = 0; i < stored.size(); i++) {
				assertThat(normalized(stored.get(i))).as(rollup[0] + " row " + i).isEqualTo(normalized(grouped.get(i)));
			}
		}
	}

	/**
	 * One batch (a replayed one is sent twice with the same key); the rows it wrote,
	 * once.
	 */
	private Mono<Long> send(String token, List<String> projects, int writer, int batch) {
		List<Map<String, Object>> entries = new ArrayList<>();
		for (int i = 0; i < ENTRIES_PER_BATCH; i++) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("projectId", projects.get(i % 2));
			entry.put("provider", i % 3 == 0 ? "claude" : "openai");
			entry.put("model", "m" + (i % 4));
			entry.put("inputTokens", 1 + writer * 100 + batch * 10 + i);
			entry.put("outputTokens", i);
			entry.put("totalCost", "0.00" + (10 + i));
			entry.put("operationType", i % 5 == 0 ? null : "chat");
			entry.put("timestamp", "2026-06-01T0" + (i % 3) + ":" + (10 + batch) + ":00Z");
			entries.add(entry);
		}
		String key = "w" + writer + "-b" + batch;
		Mono<Long> once = http((writer + batch) % 2 == 0 ? portA : portB, token)
			.document("mutation($input: RecordTokenUsageInput!) { recordTokenUsage(input: $input) { recorded } }")
			.variable("input", Map.of("entries", entries, "idempotencyKey", key))
			.retrieve("recordTokenUsage.recorded")
			.toEntity(Long.class);
		if (batch % 3 != 0) {
			return once;
		}
		Mono<Long> again = http((writer + batch) % 2 == 0 ? portB : portA, token)
			.document("mutation($input: RecordTokenUsageInput!) { recordTokenUsage(input: $input) { replayed } }")
			.variable("input", Map.of("entries", entries, "idempotencyKey", key))
			.retrieve("recordTokenUsage.replayed")
			.toEntity(Boolean.class)
			.doOnNext(replayed -> assertThat(replayed).isTrue())
			.thenReturn(0L);
		return once.flatMap(recorded -> again.thenReturn(recorded));
	}

	private static Map<String, String> normalized(Map<String, Object> row) {
		Map<String, String> values = new LinkedHashMap<>();
		row.forEach((column, value) -> values.put(column, value instanceof java.math.BigDecimal decimal
				? decimal.stripTrailingZeros().toPlainString() : String.valueOf(value)));
		return values;
	}

	private static HttpGraphQlClient http(int port, String token) {
		return HttpGraphQlClient.builder(WebClient.create("http://localhost:" + port + "/graphql"))
			.header("Authorization", "Bearer " + token)
			.build();
	}

}

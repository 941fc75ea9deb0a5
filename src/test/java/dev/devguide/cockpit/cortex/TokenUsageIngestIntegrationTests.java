package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.UsageRequests.entries;
import static dev.devguide.cockpit.cortex.UsageRequests.entry;
import static dev.devguide.cockpit.cortex.UsageRequests.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GeneralLog;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * {@code recordTokenUsage}: batches written all or none in one statement per table, each
 * bad entry named, costs from the price list, idempotency keys, and who may record.
 */
@IntegrationTest
class TokenUsageIngestIntegrationTests {

	private static final String AT = "2026-03-04T10:15:00Z";

	@Autowired
	DatabaseClient db;

	@Autowired
	TestUsers users;

	HttpGraphQlTester owner;

	String project;

	@BeforeEach
	void setUp() {
		owner = users.user("usage-" + UUID.randomUUID());
		project = new Fixtures(owner).project();
	}

	@Test
	void aBatchOfAThousandIsOneStatementPerTableAndAddsUp() {
		List<Map<String, Object>> batch = entries(project, 1000, AT);
		List<String> inserts = GeneralLog.statementsWhile(db, "INSERT INTO token_usage%",
				() -> record(owner, batch, null).path("recordTokenUsage.recorded")
					.entity(Integer.class)
					.isEqualTo(1000));
		assertThat(inserts).hasSize(4);
		assertThat(inserts).anySatisfy(sql -> assertThat(sql).startsWith("INSERT INTO token_usage ("))
			.anySatisfy(sql -> assertThat(sql).startsWith("INSERT INTO token_usage_hourly"))
			.anySatisfy(sql -> assertThat(sql).startsWith("INSERT INTO token_usage_daily ("))
			.anySatisfy(sql -> assertThat(sql).startsWith("INSERT INTO token_usage_daily_model"));
		Map<String, Object> raw = single("SELECT COUNT(*) AS n, SUM(input_tokens) AS input, SUM(total_cost) AS cost "
				+ "FROM token_usage WHERE project_id = :p");
		assertThat(((Number) raw.get("n")).longValue()).isEqualTo(1000);
		assertThat(((Number) raw.get("input")).longValue()).isEqualTo(1000 * 10 + 999 * 1000 / 2);
		assertThat(new BigDecimal(raw.get("cost").toString())).isEqualByComparingTo("10.0000");
		Map<String, Object> rollup = single(
				"SELECT SUM(requests) AS n, SUM(total_cost) AS cost FROM token_usage_hourly WHERE project_id = :p");
		assertThat(((Number) rollup.get("n")).longValue()).isEqualTo(1000);
		assertThat(new BigDecimal(rollup.get("cost").toString())).isEqualByComparingTo("10.0000");
	}

	@Test
	void eachBadEntryIsNamedAndNothingOfTheBatchIsWritten() {
		String others = new Fixtures(users.user("usage-other-" + UUID.randomUUID())).project();
		refused(entry -> entry.put("inputTokens", -1), 2, "input.entries[2].inputTokens");
		refused(entry -> entry.put("provider", "  "), 1, "input.entries[1].provider");
		refused(entry -> entry.put("model", "m".repeat(101)), 0, "input.entries[0].model");
		refused(entry -> entry.put("dashboardContext", "d".repeat(101)), 2, "input.entries[2].dashboardContext");
		refused(entry -> entry.put("projectId", "no-such-project"), 1, "input.entries[1].projectId");
		refused(entry -> entry.put("projectId", others), 2, "input.entries[2].projectId");
		refused(entry -> entry.put("timestamp", "2999-01-01T00:00:00Z"), 0, "input.entries[0].timestamp");
		refused(entry -> entry.put("totalCost", new BigDecimal("0.00001")), 1, "input.entries[1].totalCost");
		Errors.expect(record(owner, entries(project, 1001, AT), null), "BAD_REQUEST", "input.entries", "1001");
		Errors.expect(record(owner, List.of(), null), "BAD_REQUEST", "input.entries", null);
		assertThat(count("SELECT COUNT(*) AS n FROM token_usage WHERE project_id = :p")).isZero();
		assertThat(count("SELECT COUNT(*) AS n FROM token_usage_daily WHERE project_id = :p")).isZero();
		assertThat(count("SELECT COUNT(*) AS n FROM token_usage_daily_model WHERE project_id = :p")).isZero();
	}

	private void refused(Consumer<Map<String, Object>> spoil, int index, String field) {
		List<Map<String, Object>> batch = new ArrayList<>(entries(project, 3, AT));
		Map<String, Object> bad = new LinkedHashMap<>(batch.get(index));
		spoil.accept(bad);
		batch.set(index, bad);
		Errors.expect(record(owner, batch, null), "BAD_REQUEST", field, null);
	}

	@Test
	void costsComeFromThePriceAtEachEntrysTimestamp() {
		HttpGraphQlTester admin = users.admin("usage-admin-" + UUID.randomUUID());
		String model = "priced-" + UUID.randomUUID();
		price(admin, model, "3.0000", "15.0000", "2026-01-01T00:00:00Z");
		price(admin, model, "2.5000", "10.0000", "2026-03-01T00:00:00Z");
		List<Map<String, Object>> batch = List.of(
				entry(project, "claude", model, 1_000_000, 0, null, "2026-02-01T00:00:00Z"),
				entry(project, "claude", model, 1234, 567, null, "2026-03-02T00:00:00Z"),
				entry(project, "claude", model, 10, 10, "0.1234", "2026-03-02T00:00:00Z"));
		record(owner, batch, null).path("recordTokenUsage.totalCost")
			.entity(BigDecimal.class)
			.satisfies(
					// 3.0000 + (1234 * 2.5 + 567 * 10) / 1e6 = 3.0000 + 0.008755 (rounded
					// half up) + 0.1234
					cost -> assertThat(cost).isEqualByComparingTo("3.1322"));
		assertThat(db.sql("SELECT total_cost FROM token_usage WHERE project_id = :p ORDER BY `timestamp`, total_cost")
			.bind("p", project)
			.map(row -> row.get("total_cost", BigDecimal.class))
			.all()
			.collectList()
			.block()).extracting(BigDecimal::toPlainString).containsExactly("3.0000", "0.0088", "0.1234");

		Errors.expect(
				record(owner,
						List.of(entry(project, "claude", model, 1, 1, "1", AT),
								entry(project, "claude", model, 1, 1, null, "2025-12-31T23:59:59Z")),
						null),
				"BAD_REQUEST", "input.entries[1].totalCost", "setModelPrice");
		Errors.expect(users.user("plain-" + UUID.randomUUID())
			.document("mutation { setModelPrice(provider: \"x\", model: \"y\", inputPerMillion: 1, "
					+ "outputPerMillion: 1, effectiveFrom: \"2026-01-01T00:00:00Z\") { id } }")
			.execute(), "FORBIDDEN", null, null);
	}

	private static void price(GraphQlTester admin, String model, String input, String output, String from) {
		admin.document("""
				mutation($model: String!, $in: BigDecimal!, $out: BigDecimal!, $from: DateTime!) {
				  setModelPrice(provider: "claude", model: $model, inputPerMillion: $in, outputPerMillion: $out,
				                effectiveFrom: $from) { id inputPerMillion }
				}""")
			.variable("model", model)
			.variable("in", new BigDecimal(input))
			.variable("out", new BigDecimal(output))
			.variable("from", from)
			.execute()
			.path("setModelPrice.inputPerMillion")
			.entity(BigDecimal.class)
			.satisfies(value -> assertThat(value).isEqualByComparingTo(input));
	}

	@Test
	void theSameKeyAnswersTheFirstCallAndWritesNothing() {
		String key = "batch-" + UUID.randomUUID();
		List<Map<String, Object>> batch = entries(project, 5, AT);
		List<String> ids = record(owner, batch, key).path("recordTokenUsage.ids").entityList(String.class).get();
		GraphQlTester.Response again = record(owner, batch, key);
		again.path("recordTokenUsage.ids").entityList(String.class).containsExactly(ids.toArray(String[]::new));
		again.path("recordTokenUsage.replayed").entity(Boolean.class).isEqualTo(true);
		assertThat(count("SELECT COUNT(*) AS n FROM token_usage WHERE project_id = :p")).isEqualTo(5);
		Errors.expect(record(owner, entries(project, 4, AT), key), "BAD_REQUEST", "input.idempotencyKey",
				"other entries");
		assertThat(count("SELECT COUNT(*) AS n FROM token_usage WHERE project_id = :p")).isEqualTo(5);
	}

	@Test
	void concurrentCallsWithOneKeyWriteOnce() {
		String key = "race-" + UUID.randomUUID();
		List<Map<String, Object>> batch = entries(project, 20, AT);
		List<List<String>> answers = Flux.range(0, 6)
			.parallel(6)
			.runOn(Schedulers.boundedElastic())
			.map(i -> record(owner, batch, key).path("recordTokenUsage.ids").entityList(String.class).get())
			.sequential()
			.collectList()
			.block();
		assertThat(answers).hasSize(6).allSatisfy(ids -> assertThat(ids).isEqualTo(answers.get(0)));
		assertThat(count("SELECT COUNT(*) AS n FROM token_usage WHERE project_id = :p")).isEqualTo(20);
		assertThat(count("SELECT SUM(requests) AS n FROM token_usage_daily WHERE project_id = :p")).isEqualTo(20);
	}

	@Test
	void theIngestServiceRecordsForAnyProjectAndReadsNothing() {
		HttpGraphQlTester ingest = users.ingest("ai-gateway-" + UUID.randomUUID());
		record(ingest, entries(project, 2, AT), null).path("recordTokenUsage.recorded")
			.entity(Integer.class)
			.isEqualTo(2);
		Errors.expect(ingest.document("{ projects { totalCount } }").execute(), "FORBIDDEN", null, "ingest");
		Errors.expect(ingest.document("{ modelPrices { id } }").execute(), "FORBIDDEN", null, "ingest");
		Errors.expect(ingest.document("{ tokenUsageTrend { points { cost } } }").execute(), "FORBIDDEN", null,
				"ingest");
		record(users.admin("usage-admin-" + UUID.randomUUID()), entries(project, 1, AT), null)
			.path("recordTokenUsage.recorded")
			.entity(Integer.class)
			.isEqualTo(1);
		assertThat(count("SELECT COUNT(*) AS n FROM token_usage WHERE project_id = :p")).isEqualTo(3);
	}

	private long count(String sql) {
		return ((Number) single(sql).get("n")).longValue();
	}

	private Map<String, Object> single(String sql) {
		return new TestDatabase(db).rows(sql, Map.of("p", project)).get(0);
	}

}

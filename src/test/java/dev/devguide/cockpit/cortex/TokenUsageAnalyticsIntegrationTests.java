package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.UsageRequests.entry;
import static dev.devguide.cockpit.cortex.UsageRequests.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GeneralLog;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The trend (gap-filled, grouped, at every granularity), the breakdown, a page of
 * projects' costs in one statement, the raw rows as a connection, and whose projects each
 * caller reads.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class TokenUsageAnalyticsIntegrationTests {

	// language=GraphQL
	private static final String TREND = """
			query($projects: [ID!], $from: DateTime, $to: DateTime, $granularity: UsageGranularity,
			      $groupBy: [UsageDimension!]) {
			  tokenUsageTrend(projectIds: $projects, from: $from, to: $to, granularity: $granularity,
			                  groupBy: $groupBy) {
			    provider model operationType
			    points { bucketStart inputTokens outputTokens totalTokens cost requests }
			    totals { cost requests }
			  }
			}""";

	@Autowired
	DatabaseClient db;

	@Autowired
	TestUsers users;

	String ownerId;

	HttpGraphQlTester owner;

	String project;

	String second;

	@BeforeEach
	void setUp() {
		ownerId = "analytics-" + UUID.randomUUID();
		owner = users.user(ownerId);
		Fixtures fixtures = new Fixtures(owner);
		project = fixtures.project();
		second = fixtures.project();
		record(owner,
				List.of(entry(project, "claude", "sonnet", 100, 10, "1.0000", "2026-05-01T00:10:00Z"),
						entry(project, "claude", "sonnet", 200, 20, "2.0000", "2026-05-01T02:59:59Z"),
						entry(project, "openai", "gpt", 300, 30, "0.5000", "2026-05-02T12:00:00Z"),
						entry(project, "claude", "haiku", 50, 5, "0.2500", "2026-05-04T23:59:59.999999Z"),
						entry(second, "openai", "gpt", 1000, 100, "4.0000", "2026-05-01T01:00:00Z")),
				null)
			.path("recordTokenUsage.recorded")
			.entity(Integer.class)
			.isEqualTo(5);
	}

	@Test
	void aDailyTrendByProviderIsGapFilledAndExact() {
		List<Map<String, Object>> series = trend(List.of(project), "2026-05-01T00:00:00Z", "2026-05-05T00:00:00Z",
				"DAY", List.of("PROVIDER"));
		assertThat(series).extracting(one -> one.get("provider")).containsExactly("claude", "openai");
		List<Map<String, Object>> claude = (List<Map<String, Object>>) series.get(0).get("points");
		assertThat(claude).extracting(point -> point.get("bucketStart"))
			.containsExactly("2026-05-01T00:00:00.000000Z", "2026-05-02T00:00:00.000000Z",
					"2026-05-03T00:00:00.000000Z", "2026-05-04T00:00:00.000000Z");
		assertThat(claude)
			.extracting(point -> new BigDecimal(point.get("cost").toString()).stripTrailingZeros().toPlainString())
			.containsExactly("3", "0", "0", "0.25");
		assertThat(claude.get(0)).containsEntry("inputTokens", 300)
			.containsEntry("totalTokens", 330)
			.containsEntry("requests", 2);
		assertThat(series.get(1).get("model")).isNull();
		assertThat((Map<String, Object>) series.get(1).get("totals")).containsEntry("requests", 1);
	}

	@Test
	void weeksMonthsAndHoursFoldTheSameRows() {
		List<Map<String, Object>> weeks = trend(List.of(project), "2026-05-01T00:00:00Z", "2026-05-05T00:00:00Z",
				"WEEK", List.of());
		// Friday 1 May lies in the ISO week from Monday 27 April; Monday 4 May starts the
		// next.
		assertThat((List<Map<String, Object>>) weeks.get(0).get("points"))
			.extracting(point -> point.get("bucketStart") + " " + point.get("requests"))
			.containsExactly("2026-04-27T00:00:00.000000Z 3", "2026-05-04T00:00:00.000000Z 1");
		List<Map<String, Object>> months = trend(List.of(project, second), "2026-05-01T00:00:00Z",
				"2026-05-31T00:00:00Z", "MONTH", List.of());
		assertThat((List<Map<String, Object>>) months.get(0).get("points"))
			.extracting(point -> point.get("bucketStart") + " " + point.get("requests") + " " + point.get("cost"))
			.containsExactly("2026-05-01T00:00:00.000000Z 5 7.75");
		List<Map<String, Object>> hours = trend(List.of(project), "2026-05-01T00:00:00Z", "2026-05-01T03:00:00Z",
				"HOUR", List.of("MODEL"));
		assertThat(hours).singleElement().satisfies(one -> {
			assertThat(one).containsEntry("model", "sonnet");
			assertThat((List<Map<String, Object>>) one.get("points")).extracting(point -> point.get("requests"))
				.containsExactly(1, 0, 1);
		});
		Errors.expect(owner.document(TREND)
			.variable("from", "2026-01-01T00:00:00Z")
			.variable("to", "2026-05-01T00:00:00Z")
			.variable("granularity", "HOUR")
			.execute(), "BAD_REQUEST", "from", "at most 1000");
		Errors.expect(owner.document(TREND)
			.variable("from", "2026-05-02T00:00:00Z")
			.variable("to", "2026-05-01T00:00:00Z")
			.execute(), "BAD_REQUEST", "to", null);
	}

	@Test
	void eachReportIsOneStatementWhateverTheProjectsAndSeries() {
		List<String> statements = GeneralLog.statementsWhile(db, "SELECT%", () -> {
			assertThat(trend(List.of(project, second), "2026-05-01T00:00:00Z", "2026-05-05T00:00:00Z", "DAY",
					List.of("PROVIDER", "MODEL")))
				.hasSize(3);
		});
		assertThat(statements).hasSize(1);
		statements = GeneralLog.statementsWhile(db, "SELECT%", () -> owner
			.document("{ tokenUsageBreakdown(from: \"2026-05-01T00:00:00Z\", by: PROVIDER) { groups { key } } }")
			.execute()
			.path("tokenUsageBreakdown.groups[*].key")
			.entityList(String.class)
			.containsExactly("openai", "claude"));
		assertThat(statements).hasSize(1);
	}

	@Test
	void theBreakdownByModelGivesEachGroupsShareOfTheCost() {
		Map<String, Object> breakdown = owner.document("""
				query($from: DateTime, $to: DateTime) {
				  tokenUsageBreakdown(from: $from, to: $to, by: MODEL) {
				    from to by totals { cost requests } groups { key cost requests costShare }
				  }
				}""")
			.variable("from", "2026-05-01T00:30:00Z")
			.variable("to", "2026-05-05T00:00:00Z")
			.execute()
			.path("tokenUsageBreakdown")
			.entity(Map.class)
			.get();
		// rounded out to whole hours: the call at 00:10 is in
		assertThat(breakdown).containsEntry("from", "2026-05-01T00:00:00.000000Z").containsEntry("by", "MODEL");
		assertThat((Map<String, Object>) breakdown.get("totals")).containsEntry("requests", 5);
		assertThat((List<Map<String, Object>>) breakdown.get("groups"))
			.extracting(group -> group.get("key") + " " + group.get("cost") + " " + group.get("costShare"))
			.containsExactly("gpt 4.5 0.580645", "sonnet 3.0 0.387097", "haiku 0.25 0.032258");
	}

	@Test
	void aPageOfProjectsGetsItsCostsInOneStatement() {
		List<String> statements = GeneralLog.statementsWhile(db, "%token_usage_daily%",
				() -> owner.document("""
						{ projects(first: 10) { edges { node { id
						  totalCost(from: "2026-05-01T00:00:00Z", to: "2026-06-01T00:00:00Z") } } } }""")
					.execute()
					.path("projects.edges[*].node.totalCost")
					.entityList(BigDecimal.class)
					.satisfies(costs -> assertThat(costs).extracting(cost -> cost.stripTrailingZeros().toPlainString())
						.containsExactlyInAnyOrder("3.75", "4")));
		assertThat(statements).hasSize(1);
	}

	@Test
	void theRawRowsPageNewestFirstWithFilters() {
		GraphQlTester.Response first = owner.document("""
				query($id: ID!, $after: String) {
				  project(id: $id) {
				    tokenUsage(first: 2, after: $after, filter: {provider: "claude"}) {
				      totalCount edges { node { model timestamp totalCost } } pageInfo { hasNextPage endCursor }
				    }
				  }
				}""").variable("id", project).execute();
		first.path("project.tokenUsage.totalCount").entity(Integer.class).isEqualTo(3);
		first.path("project.tokenUsage.edges[*].node.model")
			.entityList(String.class)
			.containsExactly("haiku", "sonnet");
		String cursor = first.path("project.tokenUsage.pageInfo.endCursor").entity(String.class).get();
		owner.document("""
				query($id: ID!, $after: String) {
				  project(id: $id) { tokenUsage(first: 2, after: $after, filter: {provider: "claude"}) {
				    edges { node { timestamp } } pageInfo { hasNextPage } } }
				}""")
			.variable("id", project)
			.variable("after", cursor)
			.execute()
			.path("project.tokenUsage.edges[*].node.timestamp")
			.entityList(String.class)
			.containsExactly("2026-05-01T00:10:00.000000Z");
	}

	@Test
	void rawReadsCarryNoTiFlashHintWithoutAReplica() {
		List<String> statements = GeneralLog.statementsWhile(db, "%FROM token_usage %",
				() -> owner.document("""
						query($id: ID!) { project(id: $id) { tokenUsage(filter: {model: "gpt"}) {
						  totalCount edges { node { id } } } } }""")
					.variable("id", project)
					.execute()
					.path("project.tokenUsage.totalCount")
					.entity(Integer.class)
					.isEqualTo(1));
		assertThat(statements).hasSize(2).noneMatch(sql -> sql.contains("READ_FROM_STORAGE"));
	}

	@Test
	void eachCallerReadsOnlyTheProjectsItMayRead() {
		HttpGraphQlTester stranger = users.user("analytics-stranger-" + UUID.randomUUID());
		List<Map<String, Object>> own = stranger.document(TREND)
			.variable("from", "2026-05-01T00:00:00Z")
			.variable("to", "2026-05-05T00:00:00Z")
			.execute()
			.path("tokenUsageTrend")
			.entityList(Map.class)
			.get()
			.stream()
			.map(one -> (Map<String, Object>) one)
			.toList();
		assertThat((Map<String, Object>) own.get(0).get("totals")).containsEntry("requests", 0);
		stranger.document(TREND)
			.variable("projects", List.of(project, second))
			.variable("from", "2026-05-01T00:00:00Z")
			.variable("to", "2026-05-05T00:00:00Z")
			.execute()
			.path("tokenUsageTrend[0].totals.requests")
			.entity(Integer.class)
			.isEqualTo(0);
		List<Map<String, Object>> mine = trend(null, "2026-05-01T00:00:00Z", "2026-05-05T00:00:00Z", "DAY", List.of());
		assertThat((Map<String, Object>) mine.get(0).get("totals")).containsEntry("requests", 5);
	}

	private List<Map<String, Object>> trend(List<String> projects, String from, String to, String granularity,
			List<String> groupBy) {
		return owner.document(TREND)
			.variable("projects", projects)
			.variable("from", from)
			.variable("to", to)
			.variable("granularity", granularity)
			.variable("groupBy", groupBy)
			.execute()
			.path("tokenUsageTrend")
			.entityList(Map.class)
			.get()
			.stream()
			.map(one -> (Map<String, Object>) one)
			.toList();
	}

}

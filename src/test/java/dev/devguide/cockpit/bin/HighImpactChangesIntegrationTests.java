package dev.devguide.cockpit.bin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GeneralLog;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The high-impact changes report: distinct dashboards, summed token cost and average
 * duration per change of the last days, at least 4 dashboards by default, highest cost
 * first, only the caller's projects, one statement. Changes and propagations are planted
 * with SQL (their costs and durations are the point, not how the Bin produced them).
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class HighImpactChangesIntegrationTests {

	// language=GraphQL
	private static final String REPORT = """
			query($projects: [ID!], $days: Int, $min: Int, $limit: Int) {
			  highImpactChanges(projectIds: $projects, days: $days, minAffectedDashboards: $min, limit: $limit) {
			    changeId projectId changeType affectedDashboards totalTokenCost averageDurationMs
			  }
			}""";

	@Autowired
	DatabaseClient db;

	@Autowired
	TestUsers users;

	HttpGraphQlTester owner;

	String project;

	String wide;

	String costly;

	String narrow;

	String old;

	@BeforeEach
	void setUp() {
		owner = users.user("impact-" + UUID.randomUUID());
		project = new Fixtures(owner).project();
		String stranger = new Fixtures(users.user("impact-stranger-" + UUID.randomUUID())).project();
		Instant now = Instant.now();
		// five dashboards (one reached twice), 10 tokens each
		wide = change(project, now.minus(Duration.ofDays(1)), 5, 2, 10, 100);
		// four dashboards, 50 tokens each
		costly = change(project, now.minus(Duration.ofDays(2)), 4, 0, 50, 300);
		// three dashboards: under the default minimum
		narrow = change(project, now.minus(Duration.ofHours(1)), 3, 0, 1000, 10);
		// eight dashboards, ten days ago: outside the default 7 days
		old = change(project, now.minus(Duration.ofDays(10)), 8, 0, 500, 10);
		change(stranger, now.minus(Duration.ofHours(2)), 9, 0, 9999, 10);
	}

	@Test
	void reportsTheCallersChangesThatReachedManyDashboardsByCost() {
		List<Map<String, Object>> report = report(null, null, null);
		assertThat(report).extracting(line -> line.get("changeId")).containsExactly(costly, wide);
		assertThat(report.get(0)).containsEntry("affectedDashboards", 4)
			.containsEntry("totalTokenCost", 200)
			.containsEntry("averageDurationMs", 300.0)
			.containsEntry("changeType", "impact-test");
		assertThat(report.get(1)).containsEntry("affectedDashboards", 5).containsEntry("totalTokenCost", 70);
		assertThat(report(14, 3, null)).extracting(line -> line.get("changeId"))
			.containsExactly(old, narrow, costly, wide);
		assertThat(report(14, 3, 2)).extracting(line -> line.get("changeId")).containsExactly(old, narrow);
		Errors.expect(owner.document(REPORT).variable("days", 0).execute(), "BAD_REQUEST", "days", null);
	}

	@Test
	void isOneStatementAndOnlyTheCallersProjects() {
		List<String> statements = GeneralLog.statementsWhile(db, "SELECT%",
				() -> assertThat(report(null, 1, 100)).extracting(line -> line.get("projectId")).containsOnly(project));
		assertThat(statements).hasSize(1);
	}

	private List<Map<String, Object>> report(Integer days, Integer min, Integer limit) {
		return owner.document(REPORT)
			.variable("days", days)
			.variable("min", min)
			.variable("limit", limit)
			.execute()
			.path("highImpactChanges")
			.entityList(Map.class)
			.get()
			.stream()
			.map(line -> (Map<String, Object>) line)
			.toList();
	}

	/**
	 * A change with propagations to {@code dashboards} distinct dashboards, plus
	 * {@code repeats} more to the first one, each of {@code tokens} and {@code millis}.
	 */
	private String change(String projectId, Instant at, int dashboards, int repeats, int tokens, int millis) {
		String id = UUID.randomUUID().toString();
		LocalDateTime created = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
		db.sql("""
				INSERT INTO sync_buffer (id, project_id, change_type, payload, status, created_at)
				VALUES (:id, :project, 'impact-test', '{}', 'PROPAGATED', :at)""")
			.bind("id", id)
			.bind("project", projectId)
			.bind("at", created)
			.then()
			.block();
		List<String> reached = Stream.generate(() -> UUID.randomUUID().toString()).limit(dashboards).toList();
		for (int i = 0; i < dashboards + repeats; i++) {
			db.sql("""
					INSERT INTO propagation_log (id, sync_buffer_id, affected_dashboard_id, propagation_type, status,
					                             token_cost, duration_ms)
					VALUES (:id, :change, :dashboard, 'update', 'SUCCESS', :tokens, :millis)""")
				.bind("id", UUID.randomUUID().toString())
				.bind("change", id)
				.bind("dashboard", reached.get(i < dashboards ? i : 0))
				.bind("tokens", tokens)
				.bind("millis", millis)
				.then()
				.block();
		}
		return id;
	}

}

package dev.devguide.cockpit.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.GeneralLog;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The query plans of the auditLog connection and the versions lists at volume: plants
 * 1,000,000 audit rows (2,000 projects of 200 owners, 211 actors, 10 actions, a year of
 * timestamps) and 200,000 versions of 20,000 dashboards with MariaDB's SEQUENCE engine,
 * runs the API's own statements (taken from the general log) under {@code EXPLAIN}, and
 * writes the plans to {@code target/audit-plans.txt}. Off by default (it takes minutes):
 * {@code -Dcockpit.plans=true -Dit.test=AuditTrailPlansIntegrationTests}.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "cockpit.plans", matches = "true")
class AuditTrailPlansIntegrationTests {

	// language=GraphQL
	private static final String AUDIT_LOG = """
			query($filter: AuditLogFilter, $first: Int, $after: String) {
			  auditLog(filter: $filter, first: $first, after: $after) {
			    edges { node { id action } } pageInfo { endCursor }
			  }
			}""";

	@Autowired
	DatabaseClient db;

	@Autowired
	TestUsers users;

	private final StringBuilder report = new StringBuilder();

	@Test
	void auditLogAndVersionsReadIndexesAtAMillionRows() throws IOException {
		TestDatabase database = new TestDatabase(db);
		database.rows("INSERT INTO projects (id, name, owner_user_id) SELECT CONCAT('plan-p-', seq), 'planted', "
				+ "CONCAT('plan-u-', seq % 200) FROM seq_0_to_1999", Map.of());
		// in batches of 100,000, each well within the blocking read timeout
		for (int batch = 0; batch < 10; batch++) {
			database.rows(
					"""
							INSERT INTO audit_logs (`timestamp`, user_id, action, resource_type, resource_id, status, project_id)
							SELECT TIMESTAMP '2026-01-01 00:00:00' + INTERVAL (seq * 31) SECOND, CONCAT('plan-u-', seq % 211),
							       ELT(1 + seq % 10, 'dashboard.update', 'dashboard.move', 'module.update', 'module.create',
							           'profile.update', 'project.update', 'capability.grant', 'guardrail.update',
							           'dashboard.create', 'template.update'),
							       ELT(1 + seq % 5, 'dashboard', 'module', 'profile', 'project', 'template'),
							       CONCAT('plan-r-', seq % 50000), IF(seq % 50 = 0, 'failure', 'success'),
							       IF(seq % 10 = 0, NULL, CONCAT('plan-p-', (seq * 7) % 2000))
							FROM (SELECT seq + :offset AS seq FROM seq_1_to_100000) s""",
					Map.of("offset", batch * 100_000));
		}
		database.rows("""
				INSERT INTO version_history (id, resource_type, resource_id, version_number, snapshot, created_by)
				SELECT UUID(), 'dashboard', CONCAT('plan-d-', seq % 20000), seq DIV 20000 + 1, '{}', 'plan-u-1'
				FROM seq_0_to_199999""", Map.of());
		database.rows("ANALYZE TABLE audit_logs, version_history, projects", Map.of());
		assertThat(database.rows("SELECT COUNT(*) AS n FROM audit_logs", Map.of()).get(0).get("n"))
			.satisfies(n -> assertThat(((Number) n).longValue()).isGreaterThanOrEqualTo(1_000_000));

		HttpGraphQlTester admin = users.admin("plan-admin");
		HttpGraphQlTester user = users.user("plan-u-7");
		String cursor = plans("admin, no filter", admin, Map.of(), null);
		plans("admin, no filter, second page", admin, Map.of(), cursor);
		plans("admin, action", admin, Map.of("action", "module.update"), null);
		plans("admin, resource", admin, Map.of("resourceType", "dashboard", "resourceId", "plan-r-100"), null);
		plans("admin, project", admin, Map.of("projectId", "plan-p-7"), null);
		plans("admin, user", admin, Map.of("userId", "plan-u-7"), null);
		plans("admin, from/to", admin, Map.of("from", "2026-06-01T00:00:00Z", "to", "2026-06-02T00:00:00Z"), null);
		plans("admin, failures", admin, Map.of("status", "FAILURE"), null);
		String own = plans("user, no filter", user, Map.of(), null);
		plans("user, no filter, second page", user, Map.of(), own);
		plans("user, own project", user, Map.of("projectId", "plan-p-7"), null);
		plans("user, action", user, Map.of("action", "dashboard.update"), null);

		// the two branches of a user's page on their own, to see what each costs
		String ids = "SELECT a.id FROM audit_logs a WHERE %s ORDER BY a.`timestamp` DESC, a.id DESC LIMIT 21";
		explain("user branch: own actions", String.format(ids, "a.user_id = 'plan-u-7'"));
		explain("user branch: others' rows of own projects", String.format(ids, "a.project_id IN (SELECT p.id "
				+ "FROM projects p WHERE p.owner_user_id = 'plan-u-7') AND a.user_id <> 'plan-u-7'"));
		explain("user branch: own projects, no user_id condition",
				String.format(ids, "a.project_id IN (SELECT p.id FROM projects p WHERE p.owner_user_id = 'plan-u-7')"));
		explain("user branch: own projects without the semi-join", String.format(ids,
				"a.project_id IN ('plan-p-7', 'plan-p-207', 'plan-p-407', 'plan-p-607', 'plan-p-807', 'plan-p-1007', "
						+ "'plan-p-1207', 'plan-p-1407', 'plan-p-1607', 'plan-p-1807') AND a.user_id <> 'plan-u-7'"));

		String versions = "(SELECT id, resource_type, resource_id, version_number, snapshot, change_description, "
				+ "created_by, created_at FROM version_history WHERE resource_type = 'dashboard' AND resource_id = "
				+ "'plan-d-%d' ORDER BY version_number DESC LIMIT 21)";
		explain("Dashboard.versions of three dashboards", String.format(versions, 1) + " UNION ALL "
				+ String.format(versions, 2) + " UNION ALL " + String.format(versions, 3));
		explain("next version number", "SELECT COALESCE(MAX(version_number), 0) + 1 AS next_version "
				+ "FROM version_history WHERE resource_type = 'dashboard' AND resource_id = 'plan-d-1'");

		Path file = Path.of("target", "audit-plans.txt");
		Files.writeString(file, report);
		System.out.println(report);
	}

	/** Runs the page, EXPLAINs the statements it sent; returns the page's end cursor. */
	private @Nullable String plans(String title, HttpGraphQlTester tester, Map<String, Object> filter,
			@Nullable String after) {
		List<String> cursor = new ArrayList<>();
		List<String> statements = GeneralLog.statementsWhile(db, "%FROM audit_logs%", () -> {
			Map<String, Object> variables = new HashMap<>();
			variables.put("filter", filter);
			variables.put("first", 20);
			variables.put("after", after);
			GraphQlTester.Request<?> request = tester.document(AUDIT_LOG);
			for (Map.Entry<String, Object> variable : variables.entrySet()) {
				request = request.variable(variable.getKey(), variable.getValue());
			}
			GraphQlTester.Response response = request.execute();
			response.path("auditLog.edges").entityList(Object.class).hasSize(20);
			cursor.add(response.path("auditLog.pageInfo.endCursor").entity(String.class).get());
		});
		assertThat(statements).hasSize(1);
		List<Map<String, Object>> plan = explain(title, statements.get(0));
		// every read of audit_logs itself uses an index
		assertThat(plan).filteredOn(row -> "a".equals(row.get("table")))
			.allSatisfy(row -> assertThat(row.get("key")).as(title).isNotNull());
		return cursor.get(0);
	}

	private List<Map<String, Object>> explain(String title, String statement) {
		TestDatabase database = new TestDatabase(db);
		long started = System.nanoTime();
		database.rows(statement, Map.of());
		long millis = (System.nanoTime() - started) / 1_000_000;
		List<Map<String, Object>> plan = database.rows("EXPLAIN " + statement, Map.of());
		report.append("## ").append(title).append(" (").append(millis).append(" ms)\n").append(statement).append('\n');
		for (Map<String, Object> row : plan) {
			report.append(
					String.format("  %s %-12s %-10s %-7s %-28s rows=%-8s %s%n", row.get("id"), row.get("select_type"),
							row.get("table"), row.get("type"), row.get("key"), row.get("rows"), row.get("Extra")));
		}
		report.append('\n');
		return plan;
	}

}

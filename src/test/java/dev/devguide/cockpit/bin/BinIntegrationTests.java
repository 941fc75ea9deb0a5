package dev.devguide.cockpit.bin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The Bin through the real server: submit, validate and propagate, the impact rule,
 * refused transitions that change nothing, the syncBuffer connection, authorization and
 * audit rows.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class BinIntegrationTests {

	@Autowired
	TestUsers users;

	// language=GraphQL
	private static final String CHANGE = """
			query($id: ID!) {
			  syncChange(id: $id) {
			    id projectId changeType sourceModuleId payload status validationResults impactAnalysis
			    createdAt validatedAt propagatedAt
			    sourceModule { id moduleType }
			    project { id }
			    propagations { affectedDashboardId affectedDashboard { id } propagationType status errorMessage
			                   tokenCost durationMs createdAt }
			  }
			}""";

	@Autowired
	DatabaseClient db;

	HttpGraphQlTester owner;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		owner = users.user("bin-" + UUID.randomUUID());
		fixtures = new Fixtures(owner);
	}

	@Test
	void submitsValidatesAndPropagatesToTheDashboardsHoldingTheSourceModulesType() {
		Fixtures.Hierarchy h = fixtures
			.hierarchy(List.of(List.of("checklist"), List.of("decision_log"), List.of("file_manager", "checklist")));
		Map<String, Object> payload = Map.of("title", "Sprint", "metadata",
				Map.of("created_at", "2026-01-01T14:30:45.123456Z"), "items",
				List.of(Map.of("updated_at", "2026-01-02T00:00:00Z")));

		String id = fixtures.submit(h.projectId(), h.moduleIds().get(0).get(0), payload);
		Map<String, Object> submitted = change(id);
		assertThat(submitted).containsEntry("status", "PENDING")
			.containsEntry("payload", payload)
			.containsEntry("validatedAt", null)
			.containsEntry("sourceModule", Map.of("id", h.moduleIds().get(0).get(0), "moduleType", "checklist"));

		assertThat(fixtures.move("validateChange", id)).isEqualTo("VALIDATED");
		Map<String, Object> validated = change(id);
		assertThat((String) validated.get("validatedAt")).endsWith("Z");
		assertThat(checks(validated))
			.extracting(check -> check.get("field"), check -> check.get("standardId"), check -> check.get("passed"))
			.contains(org.assertj.core.groups.Tuple.tuple("metadata.created_at", "ts-001-zulu", true),
					org.assertj.core.groups.Tuple.tuple("items[0].updated_at", "ts-001-zulu", true))
			.noneMatch(tuple -> "title".equals(tuple.toList().get(0)));

		assertThat(fixtures.move("propagateChange", id)).isEqualTo("PROPAGATED");
		Map<String, Object> propagated = change(id);
		List<String> affected = List.of(h.dashboardIds().get(0), h.dashboardIds().get(2)).stream().sorted().toList();
		assertThat((Map<String, Object>) propagated.get("impactAnalysis")).containsEntry("rule", "moduleType")
			.containsEntry("moduleType", "checklist")
			.containsEntry("dashboardIds", affected)
			.containsEntry("dashboardCount", 2);
		assertThat((String) propagated.get("propagatedAt")).endsWith("Z");
		List<Map<String, Object>> propagations = (List<Map<String, Object>>) propagated.get("propagations");
		assertThat(propagations).extracting(p -> p.get("affectedDashboardId"))
			.containsExactlyInAnyOrderElementsOf(affected);
		assertThat(propagations).allSatisfy(p -> {
			assertThat(p).containsEntry("status", "SUCCESS")
				.containsEntry("tokenCost", null)
				.containsEntry("errorMessage", null)
				.containsEntry("propagationType", "config_update");
			assertThat((Integer) p.get("durationMs")).isNotNegative();
			assertThat(p.get("affectedDashboard")).isEqualTo(Map.of("id", p.get("affectedDashboardId")));
		});
	}

	@Test
	void withoutASourceModuleEveryDashboardOfTheProjectIsAffected() {
		Fixtures.Hierarchy h = fixtures.hierarchy(List.of(List.of("checklist"), List.of(), List.of("x")));
		String id = fixtures.submit(h.projectId(), null, Map.of("k", "v"));
		fixtures.move("validateChange", id);
		fixtures.move("propagateChange", id);

		Map<String, Object> impact = (Map<String, Object>) change(id).get("impactAnalysis");
		assertThat(impact).containsEntry("rule", "project")
			.containsEntry("dashboardIds", h.dashboardIds().stream().sorted().toList());
		assertThat(propagationRows(id)).isEqualTo(3);
	}

	@Test
	void refusesEveryOtherTransitionNamingTheStatusAndChangesNothing() {
		String project = fixtures.project();
		String id = fixtures.submit(project, null, Map.of("k", "v"));
		Errors.expect(fixtures.transition("propagateChange", id), "BAD_REQUEST", "id", "is PENDING");

		fixtures.move("validateChange", id);
		Map<String, Object> validated = change(id);
		Errors.expect(fixtures.transition("validateChange", id), "BAD_REQUEST", "id", "is VALIDATED");
		assertThat(change(id)).isEqualTo(validated);

		fixtures.move("propagateChange", id);
		Map<String, Object> propagated = change(id);
		Errors.expect(fixtures.transition("propagateChange", id), "BAD_REQUEST", "id", "is PROPAGATED");
		Errors.expect(fixtures.transition("validateChange", id), "BAD_REQUEST", "id", "is PROPAGATED");
		assertThat(change(id)).isEqualTo(propagated);

		String rejected = fixtures.submit(project, null, Map.of("created_at", "yesterday"));
		assertThat(fixtures.move("validateChange", rejected)).isEqualTo("REJECTED");
		Errors.expect(fixtures.transition("propagateChange", rejected), "BAD_REQUEST", "id", "is REJECTED");
		assertThat(propagationRows(rejected)).isZero();
		assertThat(auditRows(rejected, "sync_change.propagate", "failure")).isEqualTo(1);
	}

	@Test
	void submitChecksItsArgumentsAndTheCallersProject() {
		Fixtures.Hierarchy mine = fixtures.hierarchy(List.of(List.of("checklist")));
		Fixtures others = new Fixtures(users.user("bin-other-" + UUID.randomUUID()));
		Fixtures.Hierarchy theirs = others.hierarchy(List.of(List.of("checklist")));

		Errors.expect(fixtures.submitting(mine.projectId(), theirs.moduleIds().get(0).get(0), Map.of()), "BAD_REQUEST",
				"sourceModuleId", null);
		Errors.expect(fixtures.submitting(mine.projectId(), null, List.of(1, 2)), "BAD_REQUEST", "payload", null);
		// someone else's project is answered as one that does not exist
		Errors.expectNotFound(fixtures.submitting(theirs.projectId(), null, Map.of()), "Project", theirs.projectId());
		String unknown = UUID.randomUUID().toString();
		Errors.expectNotFound(fixtures.submitting(unknown, null, Map.of()), "Project", unknown);

		String id = others.submit(theirs.projectId(), null, Map.of("k", "v"));
		for (String change : List.of(id, unknown)) {
			Errors.expectNotFound(owner.document(CHANGE).variable("id", change).execute(), "SyncChange", change);
			Errors.expectNotFound(fixtures.transition("validateChange", change), "SyncChange", change);
			Errors.expectNotFound(fixtures.transition("propagateChange", change), "SyncChange", change);
		}
		assertThat(others.move("validateChange", id)).isEqualTo("VALIDATED");
	}

	/**
	 * A payload nested deeper than 30 objects or arrays (what MariaDB stores, less the
	 * envelope of a version snapshot) is a BAD_REQUEST naming {@code payload}, as a deep
	 * dashboard layout is, and nothing is stored; the deepest payload allowed is stored,
	 * validated and announced. It was an INTERNAL_ERROR: the Bin read its arguments past
	 * the checked input path, so the database refused the document.
	 */
	@Test
	void aPayloadNestedTooDeeplyIsABadRequestAndStoresNothing() {
		String project = fixtures.project();

		Errors.expect(fixtures.submitting(project, null, nested(100)), "BAD_REQUEST", "payload", "30 levels");
		Errors.expect(fixtures.submitting(project, null, nested(31)), "BAD_REQUEST", "payload", "30 levels");
		assertThat(changesOf(project)).isZero();

		String deepest = fixtures.submit(project, null, nested(30));
		assertThat(fixtures.move("validateChange", deepest)).isEqualTo("VALIDATED");
		assertThat(changesOf(project)).isEqualTo(1);
	}

	/** A JSON object {@code levels} deep: {"k": {"k": ... {"leaf": "v"}}}. */
	private static Map<String, Object> nested(int levels) {
		Map<String, Object> value = Map.of("leaf", "v");
		for (int level = 1; level < levels; level++) {
			value = Map.of("k", value);
		}
		return value;
	}

	private long changesOf(String project) {
		return count("SELECT COUNT(*) AS n FROM sync_buffer WHERE project_id = :id", project);
	}

	@Test
	void syncBufferPagesNewestFirstAndFiltersByStatus() {
		String project = fixtures.project();
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(fixtures.submit(project, null, Map.of("n", i)));
		}
		fixtures.move("validateChange", ids.get(1));
		fixtures.move("validateChange", ids.get(3));
		List<String> newestFirst = new java.util.ArrayList<>(ids);
		java.util.Collections.reverse(newestFirst);

		List<String> seen = new java.util.ArrayList<>();
		String after = null;
		do {
			Map<String, Object> page = syncBuffer(project, null, after);
			((List<Map<String, Object>>) page.get("edges"))
				.forEach(edge -> seen.add((String) ((Map<?, ?>) edge.get("node")).get("id")));
			Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
			after = (Boolean) info.get("hasNextPage") ? (String) info.get("endCursor") : null;
			assertThat(page.get("totalCount")).isEqualTo(5);
		}
		while (after != null);
		assertThat(seen).containsExactlyElementsOf(newestFirst);

		Map<String, Object> validated = syncBuffer(project, "VALIDATED", null);
		assertThat((List<Map<String, Object>>) validated.get("edges"))
			.extracting(edge -> (Object) ((Map<?, ?>) edge.get("node")).get("id"))
			.containsExactly(ids.get(3), ids.get(1));
	}

	@Test
	void syncBufferOfAListOfProjectsCostsOneStatementHoweverManyProjects() {
		Map<String, List<String>> two = projectsWithChanges(fixtures, 2);
		HttpGraphQlTester other = users.user("bin-many-" + UUID.randomUUID());
		Map<String, List<String>> six = projectsWithChanges(new Fixtures(other), 6);

		// The server-wide counter also counts background work (an outbox poll while
		// another test class still
		// has subscribers): the fewest of three runs is the query's own cost.
		long forTwo = java.util.stream.LongStream.range(0, 3).map(run -> statements(owner, two)).min().getAsLong();
		long forSix = java.util.stream.LongStream.range(0, 3).map(run -> statements(other, six)).min().getAsLong();

		assertThat(forSix).isEqualTo(forTwo).isLessThanOrEqualTo(2);
	}

	/** Projects with three changes each; the value lists each project's two newest. */
	private static Map<String, List<String>> projectsWithChanges(Fixtures fixtures, int count) {
		Map<String, List<String>> newest = new java.util.HashMap<>();
		for (int p = 0; p < count; p++) {
			String project = fixtures.project();
			List<String> ids = new java.util.ArrayList<>();
			for (int c = 0; c < 3; c++) {
				ids.add(0, fixtures.submit(project, null, Map.of("c", c)));
			}
			newest.put(project, ids.subList(0, 2));
		}
		return newest;
	}

	/**
	 * The statements the server ran for a list of projects with their syncBuffer pages.
	 */
	private long statements(HttpGraphQlTester user, Map<String, List<String>> expected) {
		String query = "{ projects(first: 50) { edges { node { id syncBuffer(first: 2) { edges { node { id } } } } } } }";
		user.document(query).execute();
		long before = questions();
		long probe = questions() - before;
		long start = questions();
		List<Map<String, Object>> projects = user.document(query)
			.execute()
			.path("projects.edges[*].node")
			.entityList(Map.class)
			.get()
			.stream()
			.map(project -> (Map<String, Object>) project)
			.toList();
		long end = questions();
		assertThat(projects).hasSize(expected.size()).allSatisfy(project -> {
			List<Map<String, Object>> edges = (List<Map<String, Object>>) ((Map<String, Object>) project
				.get("syncBuffer")).get("edges");
			assertThat(edges).extracting(edge -> (Object) ((Map<?, ?>) edge.get("node")).get("id"))
				.containsExactlyElementsOf(expected.get(project.get("id")));
		});
		return end - start - 2 * probe;
	}

	private long questions() {
		return db.sql("SHOW GLOBAL STATUS LIKE 'Questions'")
			.map(row -> Long.parseLong(row.get("Value", String.class)))
			.one()
			.block();
	}

	@Test
	void everyStepWritesItsAuditRowInTheSameTransaction() {
		String project = fixtures.project();
		String id = fixtures.submit(project, null, Map.of("k", "v"));
		fixtures.move("validateChange", id);
		fixtures.move("propagateChange", id);

		assertThat(auditRows(id, "sync_change.submit", "success")).isEqualTo(1);
		assertThat(auditRows(id, "sync_change.validate", "success")).isEqualTo(1);
		assertThat(auditRows(id, "sync_change.propagate", "success")).isEqualTo(1);
	}

	private Map<String, Object> syncBuffer(String project, String status, String after) {
		return owner.document("""
				query($id: ID!, $status: SyncStatus, $after: String) {
				  project(id: $id) {
				    syncBuffer(first: 2, status: $status, after: $after) {
				      totalCount edges { cursor node { id status } } pageInfo { hasNextPage endCursor }
				    }
				  }
				}""")
			.variable("id", project)
			.variable("status", status)
			.variable("after", after)
			.execute()
			.path("project.syncBuffer")
			.entity(Map.class)
			.get();
	}

	private Map<String, Object> change(String id) {
		return owner.document(CHANGE).variable("id", id).execute().path("syncChange").entity(Map.class).get();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> checks(Map<String, Object> change) {
		return (List<Map<String, Object>>) ((Map<String, Object>) change.get("validationResults")).get("checks");
	}

	private long propagationRows(String id) {
		return count("SELECT COUNT(*) AS n FROM propagation_log WHERE sync_buffer_id = :id", id);
	}

	private long count(String sql, String id) {
		return db.sql(sql).bind("id", id).map(row -> row.get("n", Long.class)).one().block();
	}

	private long auditRows(String id, String action, String status) {
		return db.sql(
				"SELECT COUNT(*) AS n FROM audit_logs WHERE resource_id = :id AND action = :action AND status = :status")
			.bind("id", id)
			.bind("action", action)
			.bind("status", status)
			.map(row -> row.get("n", Long.class))
			.one()
			.block();
	}

}

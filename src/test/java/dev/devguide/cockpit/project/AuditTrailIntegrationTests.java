package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.support.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GeneralLog;
import dev.devguide.cockpit.support.GraphQlErrors;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The audit trail and version history through the API: {@code auditLog} (filters, paging,
 * who reads which rows), {@code Dashboard.versions} / {@code Module.versions} and
 * restoring a version.
 */
@IntegrationTest
class AuditTrailIntegrationTests {

	// language=GraphQL
	private static final String AUDIT_LOG = """
			query($filter: AuditLogFilter, $first: Int, $after: String) {
			  auditLog(filter: $filter, first: $first, after: $after) {
			    edges { cursor node { id timestamp userId action resourceType resourceId projectId status metadata
			                          ipAddress userAgent } }
			    pageInfo { hasNextPage hasPreviousPage endCursor }
			    totalCount
			  }
			}""";

	@Autowired
	DatabaseClient db;

	@Autowired
	TestUsers users;

	private TestDatabase database;

	private String ownerId;

	private HttpGraphQlTester owner;

	private Fixtures fixtures;

	@BeforeEach
	void setUp() {
		database = new TestDatabase(db);
		ownerId = unique("trail-owner");
		owner = users.user(ownerId);
		fixtures = new Fixtures(owner);
	}

	@Test
	void filtersAndPagesNewestFirst() {
		String project = fixtures.project("Trail");
		String dashboard = fixtures.dashboard(fixtures.profile(project, "P"), "D");
		for (int i = 1; i <= 3; i++) {
			run(owner, "mutation($id: ID!) { updateDashboard(id: $id, input: {name: \"D" + i + "\"}) { id } }",
					dashboard);
		}
		// project.create, profile.create, dashboard.create, 3 x dashboard.update
		List<Map<String, Object>> all = page(owner, Map.of("projectId", project), 100, null).edges();
		assertThat(all).extracting(row -> row.get("action"))
			.containsExactly("dashboard.update", "dashboard.update", "dashboard.update", "dashboard.create",
					"profile.create", "project.create");
		assertThat(all).allSatisfy(row -> {
			assertThat(row.get("projectId")).isEqualTo(project);
			assertThat(row.get("status")).isEqualTo("SUCCESS");
			assertThat(row.get("ipAddress")).isNotNull();
		});

		List<Map<String, Object>> walked = new ArrayList<>();
		String after = null;
		int pages = 0;
		Connection page;
		do {
			page = page(owner, Map.of("projectId", project), 4, after);
			walked.addAll(page.edges());
			after = page.endCursor();
			pages++;
			assertThat(page.total()).isEqualTo(6);
			assertThat(page.hasPrevious()).isEqualTo(pages > 1);
		}
		while (page.hasNext());
		assertThat(pages).isEqualTo(2);
		assertThat(walked).extracting(row -> row.get("id")).containsExactlyElementsOf(ids(all));

		assertThat(
				page(owner, Map.of("action", "dashboard.update", "resourceType", "dashboard", "resourceId", dashboard),
						10, null)
					.edges())
			.extracting(row -> (Object) ((Map<?, ?>) row.get("metadata")).get("fields"))
			.containsExactly(List.of("name"), List.of("name"), List.of("name"));
		assertThat(page(owner, Map.of("projectId", project, "status", "FAILURE"), 10, null).edges()).isEmpty();
		Instant created = Instant.parse((String) all.get(3).get("timestamp"));
		assertThat(page(owner, Map.of("projectId", project, "from", created.toString()), 10, null).edges()).hasSize(4);
		assertThat(page(owner, Map.of("projectId", project, "to", created.toString()), 10, null).edges())
			.extracting(row -> row.get("action"))
			.containsExactly("profile.create", "project.create");
	}

	@Test
	void badFiltersAndCursorsAreBadRequestsNamingTheField() {
		owner.document(AUDIT_LOG)
			.variable("filter", Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"))
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("BAD_REQUEST", "filter.to"));
		owner.document(AUDIT_LOG)
			.variable("after", "not-a-cursor")
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("BAD_REQUEST", "after"));
		owner.document(AUDIT_LOG)
			.variable("filter", Map.of("action", "x".repeat(101)))
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("BAD_REQUEST", "filter.action"));
	}

	@Test
	void aUserReadsTheirProjectsRowsAndTheirOwnActionsAnAdminAll() {
		String project = fixtures.project("Mine");
		String dashboard = fixtures.dashboard(fixtures.profile(project, "P"), "D");
		String strangerId = unique("trail-stranger");
		HttpGraphQlTester stranger = users.user(strangerId);
		String theirs = new Fixtures(stranger).project("Theirs");
		// refused: the failure row belongs to the owner's project and to the stranger
		stranger.document("mutation($id: ID!) { updateDashboard(id: $id, input: {name: \"Taken\"}) { id } }")
			.variable("id", dashboard)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.notFound("Dashboard", dashboard));

		List<Map<String, Object>> ownerRows = page(owner, Map.of(), 100, null).edges();
		assertThat(ownerRows).extracting(row -> row.get("action") + ":" + row.get("userId") + ":" + row.get("status"))
			.containsExactly("dashboard.update:" + strangerId + ":FAILURE", "dashboard.create:" + ownerId + ":SUCCESS",
					"profile.create:" + ownerId + ":SUCCESS", "project.create:" + ownerId + ":SUCCESS");
		// another actor's origin is not shown to a user
		assertThat(ownerRows.get(0).get("ipAddress")).isNull();
		assertThat(ownerRows.get(0).get("userAgent")).isNull();
		assertThat(ownerRows.get(0).get("projectId")).isEqualTo(project);
		assertThat(page(owner, Map.of("projectId", theirs), 100, null).edges()).isEmpty();
		assertThat(page(owner, Map.of("userId", strangerId), 100, null).edges()).hasSize(1);

		assertThat(page(stranger, Map.of(), 100, null).edges()).extracting(row -> row.get("action"))
			.containsExactly("dashboard.update", "project.create");
		assertThat(page(stranger, Map.of("projectId", project), 100, null).edges()).extracting(row -> row.get("status"))
			.containsExactly("FAILURE");
		assertThat(page(stranger, Map.of("userId", ownerId), 100, null).edges()).isEmpty();

		HttpGraphQlTester admin = users.admin(unique("trail-admin"));
		assertThat(page(admin, Map.of("userId", ownerId), 100, null).edges()).hasSize(3);
		assertThat(page(admin, Map.of("projectId", project), 100, null).edges()).hasSize(4)
			.allSatisfy(row -> assertThat(row.get("ipAddress")).isNotNull());
		Connection adminAll = page(admin, Map.of(), 100, null);
		assertThat(adminAll.edges()).extracting(row -> row.get("userId")).contains(ownerId, strangerId);

		// a deleted project's rows stay their actors' (and admins')
		run(owner, "mutation($id: ID!) { deleteProject(id: $id) }", project);
		assertThat(page(owner, Map.of(), 100, null).edges()).extracting(row -> row.get("action"))
			.containsExactly("project.delete", "dashboard.create", "profile.create", "project.create");
		assertThat(page(stranger, Map.of(), 100, null).edges()).extracting(row -> row.get("action"))
			.containsExactly("dashboard.update", "project.create");
		assertThat(page(admin, Map.of("projectId", project), 100, null).edges()).hasSize(5);
	}

	@Test
	void dashboardVersionsOfAPageOfDashboardsAreOneStatement() {
		String profile = fixtures.profile(fixtures.project("Versions"), "P");
		List<String> dashboards = List.of(fixtures.dashboard(profile, "A"), fixtures.dashboard(profile, "B"),
				fixtures.dashboard(profile, "C"));
		for (String dashboard : dashboards) {
			run(owner, "mutation($id: ID!) { updateDashboard(id: $id, input: {name: \"Renamed\"}) { id } }", dashboard);
			run(owner, "mutation($id: ID!) { moveDashboard(id: $id, position: 0) { id } }", dashboard);
		}
		List<List<Object>> numbers = new ArrayList<>();
		List<String> statements = GeneralLog.statementsWhile(db, "%FROM version_history%", () -> {
			GraphQlTester.Response response = owner.document("""
					query($id: ID!) { project(id: $id) { profiles { dashboards {
					  id versions(first: 2) { edges { node { versionNumber changeDescription resourceId } }
					                          pageInfo { hasNextPage } }
					} } } }""")
				.variable("id",
						database.rows("SELECT project_id FROM profiles WHERE id = :id", Map.of("id", profile))
							.get(0)
							.get("project_id"))
				.execute();
			List<Map<String, Object>> list = response.path("project.profiles[0].dashboards")
				.entityList(Map.class)
				.get()
				.stream()
				.map(AuditTrailIntegrationTests::map)
				.toList();
			for (Map<String, Object> dashboard : list) {
				Map<?, ?> versions = (Map<?, ?>) dashboard.get("versions");
				List<Object> own = new ArrayList<>();
				for (Object edge : (List<?>) versions.get("edges")) {
					Map<?, ?> node = (Map<?, ?>) ((Map<?, ?>) edge).get("node");
					assertThat(node.get("resourceId")).isEqualTo(dashboard.get("id"));
					own.add(node.get("versionNumber"));
				}
				assertThat(((Map<?, ?>) versions.get("pageInfo")).get("hasNextPage")).isEqualTo(true);
				numbers.add(own);
			}
		});
		assertThat(statements).hasSize(1);
		assertThat(numbers).hasSize(3).allSatisfy(own -> assertThat(own).containsExactly(3, 2));
	}

	@Test
	void restoringADashboardVersionMakesItCurrentAsANewVersion() {
		String dashboard = fixtures.dashboard(fixtures.profile(fixtures.project("Restore"), "P"),
				Map.of("name", "First", "description", "one", "layout", Map.of("columns", 1)));
		run(owner, "mutation($id: ID!) { updateDashboard(id: $id, input: {name: \"Second\", description: null, "
				+ "layout: {columns: 2}}) { id } }", dashboard);

		Map<String, Object> restored = map(owner
			.document("mutation($id: ID!) { restoreDashboardVersion(id: $id, version: 1) { name description layout "
					+ "versions(first: 1) { edges { node { versionNumber changeDescription createdBy snapshot } } "
					+ "totalCount } } }")
			.variable("id", dashboard)
			.execute()
			.path("restoreDashboardVersion")
			.entity(Map.class)
			.get());
		assertThat(restored).containsEntry("name", "First")
			.containsEntry("description", "one")
			.containsEntry("layout", Map.of("columns", 1));
		Map<?, ?> versions = (Map<?, ?>) restored.get("versions");
		assertThat(versions.get("totalCount")).isEqualTo(3);
		Map<?, ?> newest = (Map<?, ?>) ((Map<?, ?>) ((List<?>) versions.get("edges")).get(0)).get("node");
		assertThat(newest.get("versionNumber")).isEqualTo(3);
		assertThat(newest.get("changeDescription")).isEqualTo("restored version 1");
		assertThat(newest.get("createdBy")).isEqualTo(ownerId);
		assertThat(((Map<?, ?>) newest.get("snapshot")).get("name")).isEqualTo("First");
		assertThat(database.rows("SELECT status, CAST(metadata AS CHAR) AS m FROM audit_logs WHERE resource_id = :id "
				+ "AND action = 'dashboard.restoreVersion'", Map.of("id", dashboard)))
			.singleElement()
			.satisfies(row -> {
				assertThat(row.get("status")).isEqualTo("success");
				assertThat((String) row.get("m")).contains("\"restored\":1").contains("\"version\":3");
			});
	}

	@Test
	void restoringAModuleVersionMakesItCurrentAsANewVersion() {
		String dashboard = fixtures.dashboard(fixtures.profile(fixtures.project("Restore"), "P"), "D");
		String module = fixtures.module(dashboard,
				Map.of("moduleType", "checklist", "name", "M1", "configuration", Map.of("items", List.of("a"))));
		run(owner, "mutation($id: ID!) { updateModule(id: $id, input: {name: \"M2\", moduleType: \"notes\", "
				+ "configuration: {items: []}}) { id } }", module);
		run(owner, "mutation($id: ID!) { moveModule(id: $id, position: 0) { id } }", module);

		Map<String, Object> restored = map(owner
			.document("mutation($id: ID!) { restoreModuleVersion(id: $id, version: 1) { name moduleType configuration "
					+ "versions { edges { node { versionNumber } } } } }")
			.variable("id", module)
			.execute()
			.path("restoreModuleVersion")
			.entity(Map.class)
			.get());
		assertThat(restored).containsEntry("name", "M1")
			.containsEntry("moduleType", "checklist")
			.containsEntry("configuration", Map.of("items", List.of("a")));
		assertThat((List<Object>) ((Map<?, ?>) restored.get("versions")).get("edges"))
			.extracting(edge -> (Object) ((Map<?, ?>) ((Map<?, ?>) edge).get("node")).get("versionNumber"))
			.containsExactly(4, 3, 2, 1);
	}

	@Test
	void refusedRestoresChangeNothing() {
		String dashboard = fixtures.dashboard(fixtures.profile(fixtures.project("Kept"), "P"), "Kept");
		String module = fixtures.module(dashboard, "Kept");
		run(owner, "mutation($id: ID!) { updateDashboard(id: $id, input: {name: \"Now\"}) { id } }", dashboard);
		HttpGraphQlTester stranger = users.user(unique("trail-stranger"));

		stranger.document("mutation($id: ID!) { restoreDashboardVersion(id: $id, version: 1) { id } }")
			.variable("id", dashboard)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.notFound("Dashboard", dashboard));
		stranger.document("mutation($id: ID!) { restoreModuleVersion(id: $id, version: 1) { id } }")
			.variable("id", module)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.notFound("Module", module));
		owner.document("mutation($id: ID!) { restoreDashboardVersion(id: $id, version: 9) { id } }")
			.variable("id", dashboard)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("BAD_REQUEST", "version"));
		owner.document("mutation($id: ID!) { restoreModuleVersion(id: $id, version: 0) { id } }")
			.variable("id", module)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("BAD_REQUEST", "version"));
		owner.document("mutation { restoreDashboardVersion(id: \"no-such-dashboard\", version: 1) { id } }")
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("NOT_FOUND"));

		assertThat(database.rows("SELECT name FROM dashboards WHERE id = :id", Map.of("id", dashboard)))
			.extracting(row -> row.get("name"))
			.containsExactly("Now");
		assertThat(database.rows("SELECT COUNT(*) AS n FROM version_history WHERE resource_id IN (:d, :m)",
				Map.of("d", dashboard, "m", module)))
			.extracting(row -> ((Number) row.get("n")).intValue())
			.containsExactly(3);
		assertThat(database.rows(
				"SELECT action FROM audit_logs WHERE resource_id IN (:d, :m) AND status = 'failure' " + "ORDER BY id",
				Map.of("d", dashboard, "m", module)))
			.extracting(row -> row.get("action"))
			.containsExactly("dashboard.restoreVersion", "module.restoreVersion", "dashboard.restoreVersion",
					"module.restoreVersion");
	}

	private record Connection(List<Map<String, Object>> edges, boolean hasNext, boolean hasPrevious,
			@Nullable String endCursor, long total) {
	}

	private static Connection page(HttpGraphQlTester tester, Map<String, Object> filter, int first,
			@Nullable String after) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("filter", filter);
		variables.put("first", first);
		variables.put("after", after);
		GraphQlTester.Request<?> request = tester.document(AUDIT_LOG);
		for (Map.Entry<String, Object> variable : variables.entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		Map<String, Object> connection = map(request.execute().path("auditLog").entity(Map.class).get());
		List<Map<String, Object>> edges = new ArrayList<>();
		for (Object edge : (List<?>) connection.get("edges")) {
			edges.add(map(((Map<?, ?>) edge).get("node")));
		}
		Map<?, ?> info = (Map<?, ?>) connection.get("pageInfo");
		return new Connection(edges, (Boolean) info.get("hasNextPage"), (Boolean) info.get("hasPreviousPage"),
				(String) info.get("endCursor"), ((Number) connection.get("totalCount")).longValue());
	}

	private static List<Object> ids(List<Map<String, Object>> rows) {
		return rows.stream().map(row -> row.get("id")).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static void run(HttpGraphQlTester tester, String document, String id) {
		tester.document(document).variable("id", id).executeAndVerify();
	}

}

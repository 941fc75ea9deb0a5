package dev.devguide.cockpit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The community repository of extension dashboards through the real server: who sees
 * what, publishing (the row and its first version), updating, approving and withdrawing,
 * deleting (refused while a project uses it), configs checked against the JSON Schema
 * with the JSON path named, the list's orders and pages, and the audit rows.
 */
@IntegrationTest
class ExtensionDashboardIntegrationTests {

	static final String PUBLISH = """
			mutation($input: PublishExtensionDashboardInput!) {
			  publishExtensionDashboard(input: $input) {
			    id extensionId dashboardId name description config author communityApproved downloadCount
			    currentVersion { version config changelog createdBy diffFromPrevious }
			  }
			}""";

	private static final String LIST = """
			query($filter: ExtensionDashboardFilter, $order: ExtensionDashboardOrder, $first: Int, $after: String) {
			  extensionDashboards(filter: $filter, orderBy: $order, first: $first, after: $after) {
			    totalCount pageInfo { hasNextPage endCursor }
			    edges { cursor node { id name communityApproved downloadCount author } }
			  }
			}""";

	private static final String ONE = """
			query($id: ID!) { extensionDashboard(id: $id) { id name communityApproved } }""";

	private static final String UPDATE = """
			mutation($id: ID!, $input: UpdateExtensionDashboardInput!) {
			  updateExtensionDashboard(id: $id, input: $input) { id name description }
			}""";

	private static final String APPROVE = """
			mutation($id: ID!) { approveExtensionDashboard(id: $id) { id communityApproved } }""";

	private static final String WITHDRAW = """
			mutation($id: ID!) { withdrawApproval(id: $id) { id communityApproved } }""";

	private static final String DELETE = """
			mutation($id: ID!) { deleteExtensionDashboard(id: $id) }""";

	@Autowired
	DatabaseClient db;

	@Autowired
	TestUsers users;

	String run;

	String extension;

	HttpGraphQlTester alice;

	HttpGraphQlTester bob;

	HttpGraphQlTester admin;

	@BeforeEach
	void setUp() {
		run = UUID.randomUUID().toString().substring(0, 8);
		extension = "publisher.extension-" + run;
		alice = users.user("alice-" + run);
		bob = users.user("bob-" + run);
		admin = users.admin("admin-" + run);
	}

	@Test
	void publishingWritesTheDashboardAndItsFirstVersionWithTheCallerAsAuthor() {
		Map<String, Object> config = ExtensionConfigSchemaTests.config();
		Map<String, Object> published = publish(alice, input("Sprint board", config)).path("publishExtensionDashboard")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(published).containsEntry("extensionId", extension)
			.containsEntry("dashboardId", "sprint")
			.containsEntry("name", "Sprint board")
			.containsEntry("author", "alice-" + run)
			.containsEntry("communityApproved", false)
			.containsEntry("downloadCount", 0)
			.containsEntry("config", config);
		assertThat(published.get("currentVersion")).isEqualTo(map("version", "1.0.0", "config", config, "changelog",
				"First release", "createdBy", "alice-" + run, "diffFromPrevious", null));
		String id = (String) published.get("id");
		List<Map<String, Object>> versions = rows(
				"SELECT version, created_by FROM dashboard_versions WHERE " + "dashboard_id = :id", Map.of("id", id));
		assertThat(versions).containsExactly(Map.of("version", "1.0.0", "created_by", "alice-" + run));
		assertThat(audit("extension_dashboard.publish", id, "success")).isEqualTo(1);

		Map<String, Object> second = new LinkedHashMap<>(input("Second", config));
		second.put("version", "0.1.0-beta.1");
		String other = id(publish(alice, second));
		assertThat(rows("SELECT version FROM dashboard_versions WHERE dashboard_id = :id", Map.of("id", other)))
			.containsExactly(Map.of("version", "0.1.0-beta.1"));
	}

	@Test
	void aConfigThatDoesNotFitTheSchemaIsABadRequestNamingItsPathAndNothingIsWritten() {
		Map<String, Object> config = ExtensionConfigSchemaTests.config();
		module(config, 2).put("type", "");
		Errors.expect(publish(alice, input("Broken", config)), "BAD_REQUEST", "input.config.modules[2].type",
				"input.config.modules[2].type");
		Map<String, Object> missing = ExtensionConfigSchemaTests.config();
		module(missing, 0).remove("position");
		Errors.expect(publish(alice, input("Broken", missing)), "BAD_REQUEST", "input.config.modules[0].position",
				null);
		Map<String, Object> notADashboard = new LinkedHashMap<>(input("Broken", Map.of("modules", List.of())));
		Errors.expect(publish(alice, notADashboard), "BAD_REQUEST", "input.config.name", null);
		Map<String, Object> badVersion = new LinkedHashMap<>(input("Broken", ExtensionConfigSchemaTests.config()));
		badVersion.put("version", "v1.0");
		Errors.expect(publish(alice, badVersion), "BAD_REQUEST", "input.version", "SemVer");
		assertThat(count("SELECT COUNT(*) AS n FROM extension_dashboards WHERE extension_id = :e")).isZero();
		assertThat(count("""
				SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'extension_dashboard.publish' AND status = 'failure'
				AND user_id = :user""")).isEqualTo(4);
	}

	@Test
	void usersSeeApprovedDashboardsAndTheirOwnAdminsSeeAll() {
		String mine = id(publish(alice, input("Alice's", ExtensionConfigSchemaTests.config())));
		String bobs = id(publish(bob, input("Bob's", ExtensionConfigSchemaTests.config())));
		Map<String, Object> filter = Map.of("extensionId", extension);
		assertThat(names(list(alice, filter, null))).containsExactly("Alice's");
		assertThat(names(list(bob, filter, null))).containsExactly("Bob's");
		assertThat(names(list(admin, filter, "NAME"))).containsExactly("Alice's", "Bob's");
		Errors.expect(bob.document(ONE).variable("id", mine).execute(), "NOT_FOUND", null, null);
		Errors.expect(bob.document(UPDATE).variable("id", mine).variable("input", Map.of("name", "x")).execute(),
				"NOT_FOUND", null, null);

		approve(admin, mine).path("approveExtensionDashboard.communityApproved").entity(Boolean.class).isEqualTo(true);
		assertThat(names(list(bob, filter, "NAME"))).containsExactly("Alice's", "Bob's");
		assertThat(names(list(bob, map("extensionId", extension, "approved", true), null))).containsExactly("Alice's");
		assertThat(names(list(bob, map("extensionId", extension, "approved", false), null))).containsExactly("Bob's");
		bob.document(ONE)
			.variable("id", mine)
			.execute()
			.path("extensionDashboard.name")
			.entity(String.class)
			.isEqualTo("Alice's");
		Errors.expect(bob.document(UPDATE).variable("id", mine).variable("input", Map.of("name", "x")).execute(),
				"FORBIDDEN", null, null);
		Errors.expect(bob.document(DELETE).variable("id", mine).execute(), "FORBIDDEN", null, null);
		Errors.expect(approve(alice, bobs), "FORBIDDEN", null, "Only admins");
		Errors.expect(alice.document(WITHDRAW).variable("id", mine).execute(), "FORBIDDEN", null, "Only admins");

		admin.document(WITHDRAW)
			.variable("id", mine)
			.execute()
			.path("withdrawApproval.communityApproved")
			.entity(Boolean.class)
			.isEqualTo(false);
		Errors.expect(bob.document(ONE).variable("id", mine).execute(), "NOT_FOUND", null, null);
		assertThat(names(list(bob, filter, null))).containsExactly("Bob's");
		assertThat(audit("extension_dashboard.approve", mine, "success")).isEqualTo(1);
		assertThat(audit("extension_dashboard.withdraw_approval", mine, "success")).isEqualTo(1);
		assertThat(audit("extension_dashboard.approve", bobs, "failure")).isEqualTo(1);
	}

	@Test
	void theAuthorAndAdminsUpdateNameAndDescription() {
		String id = id(publish(alice, input("Before", ExtensionConfigSchemaTests.config())));
		alice.document(UPDATE)
			.variable("id", id)
			.variable("input", Map.of("name", "  After  "))
			.execute()
			.path("updateExtensionDashboard")
			.entity(Map.class)
			.isEqualTo(Map.of("id", id, "name", "After", "description", "A board"));
		admin.document(UPDATE)
			.variable("id", id)
			.variable("input", map("description", null))
			.execute()
			.path("updateExtensionDashboard")
			.entity(Map.class)
			.isEqualTo(map("id", id, "name", "After", "description", null));
		Errors.expect(alice.document(UPDATE).variable("id", id).variable("input", Map.of("name", " ")).execute(),
				"BAD_REQUEST", "input.name", null);
		assertThat(audit("extension_dashboard.update", id, "success")).isEqualTo(2);
		assertThat(audit("extension_dashboard.update", id, "failure")).isEqualTo(1);
	}

	@Test
	void listsAreOrderedAndPagedByDownloadsNewestOrName() {
		List<String> ids = new ArrayList<>();
		for (String name : List.of("b-board", "C-board", "a-board")) {
			ids.add(id(publish(alice, input(name, ExtensionConfigSchemaTests.config()))));
		}
		db.sql("UPDATE extension_dashboards SET download_count = CASE id WHEN :b THEN 5 WHEN :c THEN 9 ELSE 5 END"
				+ " WHERE id IN (:b, :c, :a)")
			.bind("b", ids.get(0))
			.bind("c", ids.get(1))
			.bind("a", ids.get(2))
			.then()
			.block();
		Map<String, Object> filter = Map.of("extensionId", extension);
		List<String> byDownloads = names(list(alice, filter, null));
		assertThat(byDownloads.get(0)).isEqualTo("C-board");
		assertThat(byDownloads.subList(1, 3)).containsExactlyInAnyOrder("a-board", "b-board");
		assertThat(names(list(alice, filter, "NEWEST"))).containsExactly("a-board", "C-board", "b-board");
		assertThat(names(list(alice, filter, "NAME"))).containsExactly("C-board", "a-board", "b-board");
		assertThat(names(list(alice, map("extensionId", extension, "search", "A-BO"), "NAME")))
			.containsExactly("a-board");
		for (String order : List.of("DOWNLOADS", "NEWEST", "NAME")) {
			assertThat(walk(filter, order)).as(order).containsExactlyElementsOf(names(list(alice, filter, order)));
		}
		String nameCursor = alice.document(LIST)
			.variable("filter", filter)
			.variable("order", "NAME")
			.variable("first", 1)
			.execute()
			.path("extensionDashboards.pageInfo.endCursor")
			.entity(String.class)
			.get();
		Errors.expect(alice.document(LIST)
			.variable("filter", filter)
			.variable("order", "NEWEST")
			.variable("after", nameCursor)
			.execute(), "BAD_REQUEST", "after", "NAME");
		Errors.expect(alice.document(LIST).variable("after", "bm9wZQ").execute(), "BAD_REQUEST", "after", null);
		alice.document(LIST)
			.variable("filter", filter)
			.execute()
			.path("extensionDashboards.totalCount")
			.entity(Long.class)
			.isEqualTo(3L);
	}

	@Test
	void aDashboardInUseCannotBeDeletedAndOneNotInUseGoesWithItsVersions() {
		String id = id(publish(alice, input("Installed", ExtensionConfigSchemaTests.config())));
		Fixtures fixtures = new Fixtures(alice);
		List<String> mappings = List.of(install(fixtures.project(), id), install(fixtures.project(), id));
		Errors.expect(alice.document(DELETE).variable("id", id).execute(), "BAD_REQUEST", "id", "in 2 projects");
		Errors.expect(admin.document(DELETE).variable("id", id).execute(), "BAD_REQUEST", "id", "in 2 projects");
		assertThat(count("SELECT COUNT(*) AS n FROM extension_dashboards WHERE extension_id = :e")).isEqualTo(1);
		db.sql("DELETE FROM project_extension_mappings WHERE id = :id").bind("id", mappings.get(0)).then().block();
		Errors.expect(alice.document(DELETE).variable("id", id).execute(), "BAD_REQUEST", "id", "in 1 project;");
		db.sql("DELETE FROM project_extension_mappings WHERE id = :id").bind("id", mappings.get(1)).then().block();

		alice.document(DELETE)
			.variable("id", id)
			.execute()
			.path("deleteExtensionDashboard")
			.entity(String.class)
			.isEqualTo(id);
		assertThat(count("SELECT COUNT(*) AS n FROM extension_dashboards WHERE extension_id = :e")).isZero();
		assertThat(rows("SELECT id FROM dashboard_versions WHERE dashboard_id = :id", Map.of("id", id))).isEmpty();
		Errors.expect(alice.document(DELETE).variable("id", id).execute(), "NOT_FOUND", null, null);
		assertThat(audit("extension_dashboard.delete", id, "failure")).isEqualTo(4);
		assertThat(audit("extension_dashboard.delete", id, "success")).isEqualTo(1);
	}

	/** Every name of the list in {@code order}, page by page of one. */
	private List<String> walk(Map<String, Object> filter, String order) {
		List<String> walked = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = alice.document(LIST)
				.variable("filter", filter)
				.variable("order", order)
				.variable("first", 1)
				.variable("after", after)
				.execute();
			walked.addAll(names(page));
			more = page.path("extensionDashboards.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("extensionDashboards.pageInfo.endCursor").entity(String.class).get();
		}
		return walked;
	}

	/** A mapping of the extension dashboard into the project, written past the API. */
	private String install(String projectId, String dashboardId) {
		String id = UUID.randomUUID().toString();
		db.sql("""
				INSERT INTO project_extension_mappings (id, project_id, extension_id, dashboard_id)
				VALUES (:id, :project, :extension, :dashboard)""")
			.bind("id", id)
			.bind("project", projectId)
			.bind("extension", extension)
			.bind("dashboard", dashboardId)
			.then()
			.block();
		return id;
	}

	Map<String, Object> input(String name, Map<String, Object> config) {
		return map("extensionId", extension, "dashboardId", "sprint", "name", name, "description", "A board", "config",
				config, "changelog", "First release");
	}

	static GraphQlTester.Response publish(HttpGraphQlTester tester, Map<String, Object> input) {
		return tester.document(PUBLISH).variable("input", input).execute();
	}

	static String id(GraphQlTester.Response response) {
		return response.path("publishExtensionDashboard.id").entity(String.class).get();
	}

	private static GraphQlTester.Response approve(HttpGraphQlTester tester, String id) {
		return tester.document(APPROVE).variable("id", id).execute();
	}

	private static GraphQlTester.Response list(HttpGraphQlTester tester, Map<String, Object> filter, String order) {
		return tester.document(LIST).variable("filter", filter).variable("order", order).execute();
	}

	private static List<String> names(GraphQlTester.Response response) {
		return response.path("extensionDashboards.edges[*].node.name").entityList(String.class).get();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> module(Map<String, Object> config, int index) {
		return (Map<String, Object>) ((List<Object>) config.get("modules")).get(index);
	}

	/** A map that may hold nulls, in the given order. */
	static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private List<Map<String, Object>> rows(String sql, Map<String, ?> parameters) {
		return new TestDatabase(db).rows(sql, parameters);
	}

	/** A count with :e bound to this test's extension, or :user to Alice. */
	private long count(String sql) {
		Map<String, Object> parameters = sql.contains(":e") ? Map.of("e", extension) : Map.of("user", "alice-" + run);
		return ((Number) rows(sql, parameters).get(0).get("n")).longValue();
	}

	private long audit(String action, String id, String status) {
		return ((Number) rows("""
				SELECT COUNT(*) AS n FROM audit_logs WHERE action = :action AND resource_type = 'extension_dashboard'
				AND resource_id = :id AND status = :status""", Map.of("action", action, "id", id, "status", status))
			.get(0)
			.get("n")).longValue();
	}

}

package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.support.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GraphQlErrors;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Positions of dashboards in a profile and modules in a dashboard stay dense (0..n-1) and
 * ordered through create, create-at-position, move and delete; {@code Profile.dashboards}
 * and {@code Dashboard.modules} follow them.
 */
@IntegrationTest
class PositionIntegrationTests {

	@Autowired
	TestUsers users;

	@Autowired
	DatabaseClient databaseClient;

	private HttpGraphQlTester owner;

	private Fixtures fixtures;

	private TestDatabase database;

	private String profileId;

	@BeforeEach
	void setUp() {
		owner = users.user(unique("position-owner"));
		fixtures = new Fixtures(owner);
		database = new TestDatabase(databaseClient);
		profileId = fixtures.profile(fixtures.project(unique("positions")), "Main");
	}

	@Test
	void dashboardsAndModulesArePositionedInCreationOrder() {
		List<String> dashboards = dashboards("A", "B", "C", "D");
		String dashboardId = dashboards.get(0);
		List<String> modules = new ArrayList<>();
		for (String name : List.of("m0", "m1", "m2")) {
			modules.add(fixtures.module(dashboardId, name));
		}

		assertDashboardOrder(dashboards);
		assertModuleOrder(dashboardId, modules);
	}

	@Test
	void createDashboardWithPositionInsertsThere() {
		List<String> order = new ArrayList<>(dashboards("A", "B", "C"));

		order.add(1, createDashboard("Middle", 1));
		assertDashboardOrder(order);
		order.add(0, createDashboard("First", 0));
		assertDashboardOrder(order);
		order.add(order.size(), createDashboard("Last", order.size()));
		assertDashboardOrder(order);
		order.add(createDashboard("Past the end", 99));
		assertDashboardOrder(order);
	}

	@Test
	void createModuleWithPositionInsertsThere() {
		String dashboardId = fixtures.dashboard(profileId, "Board");
		List<String> order = new ArrayList<>();
		for (String name : List.of("m0", "m1", "m2")) {
			order.add(fixtures.module(dashboardId, name));
		}

		order.add(2, createModule(dashboardId, "Middle", 2));
		order.add(0, createModule(dashboardId, "First", 0));
		order.add(createModule(dashboardId, "Past the end", 50));
		assertModuleOrder(dashboardId, order);
	}

	@Test
	void moveDashboardKeepsPositionsDenseAndOrdered() {
		List<String> order = new ArrayList<>(dashboards("A", "B", "C", "D", "E"));

		moveDashboard(order, order.get(3), 0, 0);
		moveDashboard(order, order.get(0), 2, 2);
		moveDashboard(order, order.get(1), 4, 4);
		moveDashboard(order, order.get(2), 99, 4);
		moveDashboard(order, order.get(4), 4, 4);
	}

	@Test
	void moveModuleKeepsPositionsDenseAndOrdered() {
		String dashboardId = fixtures.dashboard(profileId, "Board");
		List<String> order = new ArrayList<>();
		for (String name : List.of("m0", "m1", "m2", "m3", "m4")) {
			order.add(fixtures.module(dashboardId, name));
		}

		moveModule(dashboardId, order, order.get(4), 0, 0);
		moveModule(dashboardId, order, order.get(0), 2, 2);
		moveModule(dashboardId, order, order.get(2), 4, 4);
		moveModule(dashboardId, order, order.get(1), 1000, 4);
	}

	@Test
	void negativePositionsAreBadRequests() {
		List<String> order = dashboards("A", "B");
		String dashboardId = order.get(0);
		String moduleId = fixtures.module(dashboardId, "m0");

		// language=GraphQL
		owner.document("mutation($id: ID!) { moveDashboard(id: $id, position: -1) { id } }")
			.variable("id", dashboardId)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("BAD_REQUEST", "position"));
		// language=GraphQL
		owner.document("mutation($id: ID!) { moveModule(id: $id, position: -1) { id } }")
			.variable("id", moduleId)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("BAD_REQUEST", "position"));
		// language=GraphQL
		owner.document("""
				mutation($profileId: ID!) {
				  createDashboard(profileId: $profileId, input: {name: "X", layout: {}, position: -1}) { id }
				}""")
			.variable("profileId", profileId)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("BAD_REQUEST", "input.position"));
		assertDashboardOrder(order);
	}

	@Test
	void deletingDashboardsAndModulesClosesTheGap() {
		List<String> order = new ArrayList<>(dashboards("A", "B", "C", "D"));
		String board = order.get(1);
		List<String> modules = new ArrayList<>();
		for (String name : List.of("m0", "m1", "m2", "m3")) {
			modules.add(fixtures.module(board, name));
		}

		delete("deleteDashboard", order.remove(2));
		assertDashboardOrder(order);
		delete("deleteDashboard", order.remove(0));
		assertDashboardOrder(order);
		delete("deleteDashboard", order.remove(1));
		assertDashboardOrder(order);
		delete("deleteModule", modules.remove(1));
		assertModuleOrder(board, modules);
		delete("deleteModule", modules.remove(0));
		assertModuleOrder(board, modules);
		delete("deleteModule", modules.remove(1));
		assertModuleOrder(board, modules);
	}

	@Test
	void concurrentCreatesAndMovesKeepPositionsDense() {
		int count = 8;
		List<String> created = Flux.range(0, count)
			.parallel(count)
			.runOn(Schedulers.boundedElastic())
			.map(i -> fixtures.dashboard(profileId, "Parallel " + i))
			.sequential()
			.collectList()
			.block(Duration.ofMinutes(2));
		List<String> order = database
			.rows("SELECT id FROM dashboards WHERE profile_id = :id ORDER BY position", Map.of("id", profileId))
			.stream()
			.map(row -> (String) row.get("id"))
			.toList();
		assertThat(order).containsExactlyInAnyOrderElementsOf(created);
		assertDashboardOrder(order);

		Flux.range(0, count).parallel(count).runOn(Schedulers.boundedElastic()).map(i -> {
			// language=GraphQL
			owner.document("mutation($id: ID!, $position: Int!) { moveDashboard(id: $id, position: $position) { id } }")
				.variable("id", created.get(i))
				.variable("position", count - 1 - i)
				.executeAndVerify();
			return i;
		}).sequential().blockLast(Duration.ofMinutes(2));
		List<String> moved = database
			.rows("SELECT id FROM dashboards WHERE profile_id = :id ORDER BY position", Map.of("id", profileId))
			.stream()
			.map(row -> (String) row.get("id"))
			.toList();
		assertThat(moved).containsExactlyInAnyOrderElementsOf(created);
		assertDashboardOrder(moved);
	}

	private List<String> dashboards(String... names) {
		List<String> ids = new ArrayList<>();
		for (String name : names) {
			ids.add(fixtures.dashboard(profileId, name));
		}
		return ids;
	}

	private String createDashboard(String name, int position) {
		return fixtures.dashboard(profileId, Map.of("name", name, "layout", Map.of(), "position", position));
	}

	private String createModule(String dashboardId, String name, int position) {
		return fixtures.module(dashboardId,
				Map.of("moduleType", "checklist", "name", name, "configuration", Map.of(), "position", position));
	}

	private void moveDashboard(List<String> order, String id, int position, int expected) {
		// language=GraphQL
		String document = """
				mutation($id: ID!, $position: Int!) { moveDashboard(id: $id, position: $position) { id position } }""";
		owner.document(document)
			.variable("id", id)
			.variable("position", position)
			.execute()
			.path("moveDashboard.position")
			.entity(Integer.class)
			.isEqualTo(expected);
		order.remove(id);
		order.add(expected, id);
		assertDashboardOrder(order);
	}

	private void moveModule(String dashboardId, List<String> order, String id, int position, int expected) {
		// language=GraphQL
		String document = """
				mutation($id: ID!, $position: Int!) { moveModule(id: $id, position: $position) { id position } }""";
		owner.document(document)
			.variable("id", id)
			.variable("position", position)
			.execute()
			.path("moveModule.position")
			.entity(Integer.class)
			.isEqualTo(expected);
		order.remove(id);
		order.add(expected, id);
		assertModuleOrder(dashboardId, order);
	}

	private void delete(String mutation, String id) {
		owner.document("mutation($id: ID!) { " + mutation + "(id: $id) }")
			.variable("id", id)
			.execute()
			.path(mutation)
			.entity(String.class)
			.isEqualTo(id);
	}

	/**
	 * Profile.dashboards lists exactly these ids in this order, at positions 0..n-1, as
	 * the table does.
	 */
	private void assertDashboardOrder(List<String> expected) {
		// language=GraphQL
		String document = """
				query($id: ID!) {
				  project(id: $id) { profiles { id dashboards { id position } } }
				}""";
		String projectId = (String) database
			.rows("SELECT project_id FROM profiles WHERE id = :id", Map.of("id", profileId))
			.get(0)
			.get("project_id");
		var response = owner.document(document).variable("id", projectId).execute();
		response.path("project.profiles[0].dashboards[*].id")
			.entityList(String.class)
			.containsExactly(expected.toArray(String[]::new));
		response.path("project.profiles[0].dashboards[*].position")
			.entityList(Integer.class)
			.containsExactly(IntStream.range(0, expected.size()).boxed().toArray(Integer[]::new));
		assertTable("dashboards", "profile_id", profileId, expected);
	}

	/**
	 * Dashboard.modules lists exactly these ids in this order, at positions 0..n-1, as
	 * the table does.
	 */
	private void assertModuleOrder(String dashboardId, List<String> expected) {
		// language=GraphQL
		String document = """
				query($id: ID!) {
				  project(id: $id) { profiles { dashboards { id modules { id position } } } }
				}""";
		String projectId = (String) database
			.rows("SELECT project_id FROM profiles WHERE id = :id", Map.of("id", profileId))
			.get(0)
			.get("project_id");
		var response = owner.document(document).variable("id", projectId).execute();
		String modules = "project.profiles[0].dashboards[?(@.id == '" + dashboardId + "')].modules[*]";
		response.path(modules + ".id").entityList(String.class).containsExactly(expected.toArray(String[]::new));
		response.path(modules + ".position")
			.entityList(Integer.class)
			.containsExactly(IntStream.range(0, expected.size()).boxed().toArray(Integer[]::new));
		assertTable("modules", "dashboard_id", dashboardId, expected);
	}

	private void assertTable(String table, String parentColumn, String parentId, List<String> expected) {
		List<Map<String, Object>> rows = database.rows(
				"SELECT id, position FROM " + table + " WHERE " + parentColumn + " = :id ORDER BY position, id",
				Map.of("id", parentId));
		assertThat(rows).extracting(row -> row.get("id"))
			.as(table + " ids by position")
			.containsExactlyElementsOf(expected);
		assertThat(rows).extracting(row -> ((Number) row.get("position")).intValue())
			.as(table + " positions")
			.containsExactlyElementsOf(IntStream.range(0, expected.size()).boxed().toList());
	}

}

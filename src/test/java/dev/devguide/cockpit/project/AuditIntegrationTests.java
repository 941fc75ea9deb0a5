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
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail: one {@code audit_logs} row per mutation with who, what, where from and
 * the outcome, failure rows for refused mutations, and gap-free {@code version_history}
 * numbers per dashboard and module.
 */
@IntegrationTest
class AuditIntegrationTests {

	private static final List<String> LOOPBACK = List.of("127.0.0.1", "::1");

	@Autowired
	DatabaseClient databaseClient;

	@Autowired
	JsonMapper jsonMapper;

	@Autowired
	TestUsers users;

	private TestDatabase database;

	private String userId;

	private String userAgent;

	private HttpGraphQlTester owner;

	private Fixtures fixtures;

	@BeforeEach
	void setUp() {
		database = new TestDatabase(databaseClient);
		userId = unique("audit-user");
		userAgent = unique("cockpit-audit-test/1.0");
		owner = users.user(userId).mutate().header("User-Agent", userAgent).build();
		fixtures = new Fixtures(owner);
	}

	@Test
	void everyMutationWritesOneSuccessRow() {
		List<List<String>> expected = new ArrayList<>();
		String project = fixtures.project("Audited");
		expected.add(List.of("project.create", "project", project));
		run("mutation($id: ID!) { updateProject(id: $id, input: {name: \"Renamed\"}) { id } }", project);
		expected.add(List.of("project.update", "project", project));
		String profile = fixtures.profile(project, "P");
		expected.add(List.of("profile.create", "profile", profile));
		run("mutation($id: ID!) { updateProfile(id: $id, input: {name: \"P2\"}) { id } }", profile);
		expected.add(List.of("profile.update", "profile", profile));
		String dashboard = fixtures.dashboard(profile, "D");
		expected.add(List.of("dashboard.create", "dashboard", dashboard));
		run("mutation($id: ID!) { updateDashboard(id: $id, input: {name: \"D2\"}) { id } }", dashboard);
		expected.add(List.of("dashboard.update", "dashboard", dashboard));
		run("mutation($id: ID!) { moveDashboard(id: $id, position: 0) { id } }", dashboard);
		expected.add(List.of("dashboard.move", "dashboard", dashboard));
		run("mutation($id: ID!) { setActiveDashboard(profileId: \"" + profile + "\", dashboardId: $id) { id } }",
				dashboard);
		expected.add(List.of("profile.setActiveDashboard", "profile", profile));
		String module = fixtures.module(dashboard, "M");
		expected.add(List.of("module.create", "module", module));
		run("mutation($id: ID!) { updateModule(id: $id, input: {name: \"M2\"}) { id } }", module);
		expected.add(List.of("module.update", "module", module));
		run("mutation($id: ID!) { moveModule(id: $id, position: 3) { id } }", module);
		expected.add(List.of("module.move", "module", module));
		String capability = fixtures.grant(module, "file_write");
		expected.add(List.of("capability.grant", "capability", capability));
		run("mutation($id: ID!) { revokeCapability(moduleId: $id, capabilityType: \"file_write\") { id } }", module);
		expected.add(List.of("capability.revoke", "capability", capability));
		String guardrail = fixtures.guardrail(project, unique("rule"));
		expected.add(List.of("guardrail.create", "guardrail", guardrail));
		run("mutation($id: ID!) { updateGuardrail(id: $id, input: {enabled: false}) { id } }", guardrail);
		expected.add(List.of("guardrail.update", "guardrail", guardrail));
		run("mutation($id: ID!) { deleteGuardrail(id: $id) }", guardrail);
		expected.add(List.of("guardrail.delete", "guardrail", guardrail));
		run("mutation($id: ID!) { deleteModule(id: $id) }", module);
		expected.add(List.of("module.delete", "module", module));
		run("mutation($id: ID!) { deleteDashboard(id: $id) }", dashboard);
		expected.add(List.of("dashboard.delete", "dashboard", dashboard));
		run("mutation($id: ID!) { deleteProfile(id: $id) }", profile);
		expected.add(List.of("profile.delete", "profile", profile));
		run("mutation($id: ID!) { deleteProject(id: $id) }", project);
		expected.add(List.of("project.delete", "project", project));

		assertRows(userId, expected, "success");
	}

	@Test
	void templateMutationsWriteOneSuccessRowEach() {
		String adminId = unique("audit-admin");
		HttpGraphQlTester admin = users.admin(adminId).mutate().header("User-Agent", userAgent).build();
		String template = new Fixtures(admin).template(unique("audited-template"));
		// language=GraphQL
		admin.document("mutation($id: ID!) { updateTemplate(id: $id, input: {description: \"d\"}) { id } }")
			.variable("id", template)
			.executeAndVerify();
		// language=GraphQL
		admin.document("mutation($id: ID!) { deleteTemplate(id: $id) }").variable("id", template).executeAndVerify();

		assertRows(adminId, List.of(List.of("template.create", "template", template),
				List.of("template.update", "template", template), List.of("template.delete", "template", template)),
				"success");
	}

	@Test
	void aRefusedMutationWritesAFailureRowAndChangesNothing() {
		String project = fixtures.project("Not yours");
		String strangerId = unique("audit-stranger");
		HttpGraphQlTester stranger = users.user(strangerId).mutate().header("User-Agent", userAgent).build();

		// language=GraphQL
		stranger.document("mutation($id: ID!) { updateProject(id: $id, input: {name: \"Taken\"}) { id } }")
			.variable("id", project)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.notFound("Project", project));
		// language=GraphQL
		stranger.document("mutation($id: ID!) { deleteProject(id: $id) }")
			.variable("id", project)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.notFound("Project", project));

		assertRows(strangerId,
				List.of(List.of("project.update", "project", project), List.of("project.delete", "project", project)),
				"failure");
		assertThat(database.rows("SELECT name FROM projects WHERE id = :id", Map.of("id", project)))
			.extracting(row -> row.get("name"))
			.containsExactly("Not yours");
		assertThat(database.rows("SELECT action FROM audit_logs WHERE user_id = :u", Map.of("u", userId)))
			.extracting(row -> row.get("action"))
			.containsExactly("project.create");
	}

	@Test
	void refusedInputWritesAFailureRowToo() {
		String project = fixtures.project("Checked");
		String dashboard = fixtures.dashboard(fixtures.profile(project, "P"), "D");
		String module = fixtures.module(dashboard, "M");

		// language=GraphQL
		owner.document("mutation($id: ID!) { updateProject(id: $id, input: {name: \"\"}) { id } }")
			.variable("id", project)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("BAD_REQUEST", "input.name"));
		// language=GraphQL
		owner.document("mutation($id: ID!) { moveDashboard(id: $id, position: -1) { id } }")
			.variable("id", dashboard)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("BAD_REQUEST", "position"));
		// language=GraphQL
		owner.document("mutation($id: ID!) { grantCapability(moduleId: $id, capabilityType: \" \") { id } }")
			.variable("id", module)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("BAD_REQUEST", "capabilityType"));

		List<Map<String, Object>> failures = database.rows(
				"SELECT action, resource_id FROM audit_logs WHERE user_id = :u AND status = 'failure' ORDER BY id",
				Map.of("u", userId));
		assertThat(failures).extracting(row -> row.get("action"))
			.containsExactly("project.update", "dashboard.move", "capability.grant");
	}

	@Test
	void dashboardChangesAreNumberedVersionsWithSnapshots() {
		String profile = fixtures.profile(fixtures.project("Versions"), "P");
		String dashboard = fixtures.dashboard(profile, "First");
		fixtures.dashboard(profile, "Second");

		run("mutation($id: ID!) { updateDashboard(id: $id, input: {name: \"Renamed\"}) { id } }", dashboard);
		run("mutation($id: ID!) { moveDashboard(id: $id, position: 1) { id } }", dashboard);
		run("mutation($id: ID!) { updateDashboard(id: $id, input: {layout: {rows: 3}}) { id } }", dashboard);

		List<Map<String, Object>> versions = versions("dashboard", dashboard);
		assertThat(versions).extracting(row -> ((Number) row.get("version_number")).intValue())
			.containsExactly(1, 2, 3, 4);
		assertThat(versions).allSatisfy(row -> assertThat(row.get("created_by")).isEqualTo(userId));
		List<Map<String, Object>> snapshots = versions.stream().map(this::snapshot).toList();
		assertThat(snapshots).allSatisfy(
				snapshot -> assertThat(snapshot).containsEntry("id", dashboard).containsEntry("profileId", profile));
		assertThat(snapshots.get(0)).containsEntry("name", "First").containsEntry("position", 0);
		assertThat(snapshots.get(1)).containsEntry("name", "Renamed").containsEntry("position", 0);
		assertThat(snapshots.get(2)).containsEntry("name", "Renamed").containsEntry("position", 1);
		assertThat(snapshots.get(3)).containsEntry("layout", Map.of("rows", 3)).containsEntry("position", 1);
	}

	@Test
	void moduleChangesAreNumberedVersionsWithSnapshots() {
		String dashboard = fixtures.dashboard(fixtures.profile(fixtures.project("Versions"), "P"), "D");
		String module = fixtures.module(dashboard, "First");
		fixtures.module(dashboard, "Second");

		run("mutation($id: ID!) { updateModule(id: $id, input: {configuration: {items: [\"x\"]}}) { id } }", module);
		run("mutation($id: ID!) { moveModule(id: $id, position: 1) { id } }", module);
		run("mutation($id: ID!) { updateModule(id: $id, input: {name: \"Renamed\"}) { id } }", module);

		List<Map<String, Object>> versions = versions("module", module);
		assertThat(versions).extracting(row -> ((Number) row.get("version_number")).intValue())
			.containsExactly(1, 2, 3, 4);
		List<Map<String, Object>> snapshots = versions.stream().map(this::snapshot).toList();
		assertThat(snapshots).allSatisfy(
				snapshot -> assertThat(snapshot).containsEntry("id", module).containsEntry("dashboardId", dashboard));
		assertThat(snapshots.get(0)).containsEntry("name", "First").containsEntry("position", 0);
		assertThat(snapshots.get(1)).containsEntry("configuration", Map.of("items", List.of("x")));
		assertThat(snapshots.get(2)).containsEntry("position", 1);
		assertThat(snapshots.get(3)).containsEntry("name", "Renamed").containsEntry("position", 1);
	}

	@Test
	void concurrentUpdatesOfOneDashboardGetDistinctGapFreeVersions() {
		String dashboard = fixtures.dashboard(fixtures.profile(fixtures.project("Concurrent"), "P"), "D");
		int updates = 8;

		List<String> names = Flux.range(0, updates).parallel(updates).runOn(Schedulers.boundedElastic()).map(i -> {
			String name = "Parallel " + i;
			// language=GraphQL
			owner.document("""
					mutation($id: ID!, $name: String!) { updateDashboard(id: $id, input: {name: $name}) { name } }""")
				.variable("id", dashboard)
				.variable("name", name)
				.execute()
				.path("updateDashboard.name")
				.entity(String.class)
				.isEqualTo(name);
			return name;
		}).sequential().collectList().block(Duration.ofMinutes(2));

		List<Map<String, Object>> versions = versions("dashboard", dashboard);
		assertThat(versions).extracting(row -> ((Number) row.get("version_number")).intValue())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, updates + 1).boxed().toList());
		List<Object> snapshotNames = versions.stream().skip(1).map(row -> snapshot(row).get("name")).toList();
		assertThat(snapshotNames).containsExactlyInAnyOrderElementsOf(names);
		assertThat(database.rows("SELECT name FROM dashboards WHERE id = :id", Map.of("id", dashboard)))
			.extracting(row -> row.get("name"))
			.containsExactly(snapshotNames.get(updates - 1));
		assertThat(database.rows("SELECT id FROM audit_logs WHERE action = 'dashboard.update' AND resource_id = :id",
				Map.of("id", dashboard)))
			.hasSize(updates);
	}

	private void run(String document, String id) {
		owner.document(document).variable("id", id).executeAndVerify();
	}

	private List<Map<String, Object>> versions(String type, String id) {
		return database.rows("""
				SELECT version_number, snapshot, created_by FROM version_history
				WHERE resource_type = :type AND resource_id = :id ORDER BY version_number""",
				Map.of("type", type, "id", id));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> snapshot(Map<String, Object> row) {
		return jsonMapper.readValue((String) row.get("snapshot"), Map.class);
	}

	/**
	 * The user's audit rows are exactly these (action, resource type, resource id), in
	 * order, all with the status.
	 */
	private void assertRows(String user, List<List<String>> expected, String status) {
		List<Map<String, Object>> rows = database.rows("""
				SELECT user_id, action, resource_type, resource_id, status, ip_address, user_agent
				FROM audit_logs WHERE user_id = :user ORDER BY id""", Map.of("user", user));
		assertThat(rows)
			.extracting(row -> List.of((String) row.get("action"), (String) row.get("resource_type"),
					(String) row.get("resource_id")))
			.containsExactlyElementsOf(expected);
		assertThat(rows).allSatisfy(row -> {
			assertThat(row.get("user_id")).isEqualTo(user);
			assertThat(row.get("status")).as("status of %s", row.get("action")).isEqualTo(status);
			assertThat(row.get("ip_address")).as("ip_address of %s", row.get("action")).isIn(LOOPBACK.toArray());
			assertThat(row.get("user_agent")).as("user_agent of %s", row.get("action")).isEqualTo(userAgent);
		});
	}

}

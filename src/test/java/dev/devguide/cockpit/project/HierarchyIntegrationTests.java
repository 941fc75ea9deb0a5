package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.support.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GraphQlErrors;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The hierarchy through the real server: every level created by mutations and read back
 * field by field through {@code project(id)}, who may read a project, and partial updates
 * (omitted fields kept, explicit null clears).
 */
@IntegrationTest
class HierarchyIntegrationTests {

	static final String DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";

	@Autowired
	TestUsers users;

	private String ownerId;

	private HttpGraphQlTester owner;

	private Fixtures fixtures;

	@BeforeEach
	void setUp() {
		ownerId = unique("hierarchy-owner");
		owner = users.user(ownerId);
		fixtures = new Fixtures(owner);
	}

	@Test
	void createsEveryLevelAndReadsEveryFieldBack() {
		String adminId = unique("hierarchy-admin");
		Fixtures admin = new Fixtures(users.admin(adminId));
		String templateName = unique("hierarchy-template");
		String templateId = admin.template(templateName);
		String systemRule = unique("system-rule");
		admin.guardrail(null, systemRule);
		String projectId = fixtures.project(Map.of("name", "Cockpit", "description", "The cockpit", "workflowTemplate",
				"vibe_coding", "gitRepository", "https://example.com/cockpit.git"));
		String ownRule = unique("own-rule");
		String guardrailId = fixtures.guardrail(projectId, ownRule);
		String profileId = fixtures.profile(projectId, Map.of("name", "Main", "description", "Everyday work"));
		Map<String, Object> layout = new LinkedHashMap<>();
		layout.put("columns", 3);
		layout.put("theme", "dark ✓ naïve");
		layout.put("panels", List.of(Map.of("x", 0, "width", 2.5), Map.of("x", 1, "hidden", true)));
		layout.put("nothing", null);
		String dashboardId = fixtures.dashboard(profileId,
				Map.of("name", "Board", "description", "Tasks", "templateId", templateId, "layout", layout));
		Map<String, Object> configuration = Map.of("items", List.of("plan", "build"), "limit", 10);
		String moduleId = fixtures.module(dashboardId,
				Map.of("moduleType", "checklist", "name", "Todo", "configuration", configuration));
		String capabilityId = fixtures.grant(moduleId, "file_write", "needs to save");
		fixtures.activate(profileId, dashboardId);

		GraphQlTester.Response tree = owner.documentName("projectTree").variable("id", projectId).execute();

		tree.path("project",
				project -> project.path("id")
					.entity(String.class)
					.isEqualTo(projectId)
					.path("name")
					.entity(String.class)
					.isEqualTo("Cockpit")
					.path("description")
					.entity(String.class)
					.isEqualTo("The cockpit")
					.path("ownerUserId")
					.entity(String.class)
					.isEqualTo(ownerId)
					.path("workflowTemplate")
					.entity(String.class)
					.isEqualTo("vibe_coding")
					.path("gitRepository")
					.entity(String.class)
					.isEqualTo("https://example.com/cockpit.git"));
		assertDateTimes(tree, "project.createdAt", "project.updatedAt");
		List<Map<String, Object>> guardrails = tree.path("project.guardrails")
			.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.get();
		assertThat(guardrails).filteredOn("ruleId", ownRule)
			.singleElement()
			.satisfies(own -> assertThat(own).containsEntry("id", guardrailId)
				.containsEntry("projectId", projectId)
				.containsEntry("description", "Rule " + ownRule)
				.containsEntry("severity", "HIGH")
				.containsEntry("autoReject", false)
				.containsEntry("configuration", null)
				.containsEntry("enabled", true)
				.containsEntry("system", false));
		assertThat(guardrails).filteredOn("ruleId", systemRule)
			.singleElement()
			.satisfies(system -> assertThat(system).containsEntry("projectId", null).containsEntry("system", true));
		assertThat(guardrails)
			.allSatisfy(guardrail -> assertThat(guardrail.get("createdAt")).asString().matches(DATE_TIME));

		tree.path("project.profiles").entityList(Object.class).hasSize(1);
		tree.path("project.profiles[0]",
				profile -> profile.path("id")
					.entity(String.class)
					.isEqualTo(profileId)
					.path("name")
					.entity(String.class)
					.isEqualTo("Main")
					.path("description")
					.entity(String.class)
					.isEqualTo("Everyday work")
					.path("activeDashboardId")
					.entity(String.class)
					.isEqualTo(dashboardId)
					.path("activeDashboard.id")
					.entity(String.class)
					.isEqualTo(dashboardId)
					.path("activeDashboard.name")
					.entity(String.class)
					.isEqualTo("Board")
					.path("project.id")
					.entity(String.class)
					.isEqualTo(projectId));
		assertDateTimes(tree, "project.profiles[0].createdAt", "project.profiles[0].updatedAt");

		tree.path("project.profiles[0].dashboards").entityList(Object.class).hasSize(1);
		tree.path("project.profiles[0].dashboards[0]",
				dashboard -> dashboard.path("id")
					.entity(String.class)
					.isEqualTo(dashboardId)
					.path("name")
					.entity(String.class)
					.isEqualTo("Board")
					.path("description")
					.entity(String.class)
					.isEqualTo("Tasks")
					.path("templateId")
					.entity(String.class)
					.isEqualTo(templateId)
					.path("layout")
					.entity(new ParameterizedTypeReference<Map<String, Object>>() {
					})
					.isEqualTo(layout)
					.path("position")
					.entity(Integer.class)
					.isEqualTo(0)
					.path("profile.id")
					.entity(String.class)
					.isEqualTo(profileId));
		assertDateTimes(tree, "project.profiles[0].dashboards[0].createdAt",
				"project.profiles[0].dashboards[0].updatedAt");
		tree.path("project.profiles[0].dashboards[0].template",
				template -> template.path("id")
					.entity(String.class)
					.isEqualTo(templateId)
					.path("name")
					.entity(String.class)
					.isEqualTo(templateName)
					.path("category")
					.entity(String.class)
					.isEqualTo("dashboard")
					.path("description")
					.valueIsNull()
					.path("specification")
					.entity(new ParameterizedTypeReference<Map<String, Object>>() {
					})
					.isEqualTo(Map.of("panels", List.of("checklist")))
					.path("createdBy")
					.entity(String.class)
					.isEqualTo(adminId)
					.path("communityApproved")
					.entity(Boolean.class)
					.isEqualTo(false)
					.path("downloadCount")
					.entity(Integer.class)
					.isEqualTo(0));
		assertDateTimes(tree, "project.profiles[0].dashboards[0].template.createdAt");

		String module = "project.profiles[0].dashboards[0].modules";
		tree.path(module).entityList(Object.class).hasSize(1);
		tree.path(module + "[0]",
				first -> first.path("id")
					.entity(String.class)
					.isEqualTo(moduleId)
					.path("moduleType")
					.entity(String.class)
					.isEqualTo("checklist")
					.path("name")
					.entity(String.class)
					.isEqualTo("Todo")
					.path("configuration")
					.entity(new ParameterizedTypeReference<Map<String, Object>>() {
					})
					.isEqualTo(configuration)
					.path("position")
					.entity(Integer.class)
					.isEqualTo(0)
					.path("dashboard.id")
					.entity(String.class)
					.isEqualTo(dashboardId));
		assertDateTimes(tree, module + "[0].createdAt", module + "[0].updatedAt");
		tree.path(module + "[0].capabilities").entityList(Object.class).hasSize(1);
		tree.path(module + "[0].capabilities[0]",
				capability -> capability.path("id")
					.entity(String.class)
					.isEqualTo(capabilityId)
					.path("capabilityType")
					.entity(String.class)
					.isEqualTo("file_write")
					.path("granted")
					.entity(Boolean.class)
					.isEqualTo(true)
					.path("revokedAt")
					.valueIsNull()
					.path("justification")
					.entity(String.class)
					.isEqualTo("needs to save")
					.path("module.id")
					.entity(String.class)
					.isEqualTo(moduleId));
		assertDateTimes(tree, module + "[0].capabilities[0].grantedAt");
	}

	@Test
	void projectsAreReadableByTheirOwnerAndAdminsOnly() {
		String id = fixtures.project("Private");
		String firstProfile = fixtures.profile(id, "First");
		String secondProfile = fixtures.profile(id, "Second");

		// language=GraphQL
		String document = "query($id: ID!) { project(id: $id) { id profiles { id } } }";
		users.user(unique("stranger"))
			.document(document)
			.variable("id", id)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.notFound("Project", id));
		users.admin(unique("admin"))
			.document(document)
			.variable("id", id)
			.execute()
			.path("project.profiles[*].id")
			.entityList(String.class)
			.containsExactly(firstProfile, secondProfile);
	}

	@Test
	void projectUpdateKeepsOmittedFieldsAndNullClears() {
		String id = fixtures.project(Map.of("name", "Before", "description", "Kept", "workflowTemplate", "data_science",
				"gitRepository", "https://example.com/repo.git"));

		// language=GraphQL
		String update = """
				mutation($id: ID!, $input: ProjectInput!) {
				  updateProject(id: $id, input: $input) { id name description workflowTemplate gitRepository ownerUserId }
				}""";
		owner.document(update)
			.variable("id", id)
			.variable("input", Map.of("name", "After"))
			.execute()
			.path("updateProject",
					project -> project.path("name")
						.entity(String.class)
						.isEqualTo("After")
						.path("description")
						.entity(String.class)
						.isEqualTo("Kept")
						.path("workflowTemplate")
						.entity(String.class)
						.isEqualTo("data_science")
						.path("gitRepository")
						.entity(String.class)
						.isEqualTo("https://example.com/repo.git")
						.path("ownerUserId")
						.entity(String.class)
						.isEqualTo(ownerId));

		Map<String, Object> clear = new LinkedHashMap<>();
		clear.put("description", null);
		clear.put("gitRepository", null);
		owner.document(update)
			.variable("id", id)
			.variable("input", clear)
			.execute()
			.path("updateProject",
					project -> project.path("name")
						.entity(String.class)
						.isEqualTo("After")
						.path("description")
						.valueIsNull()
						.path("workflowTemplate")
						.entity(String.class)
						.isEqualTo("data_science")
						.path("gitRepository")
						.valueIsNull());

		Map<String, Object> nullName = new LinkedHashMap<>();
		nullName.put("name", null);
		owner.document(update)
			.variable("id", id)
			.variable("input", nullName)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("BAD_REQUEST", "input.name"));
		readProject(id).path("project.name").entity(String.class).isEqualTo("After");
	}

	@Test
	void profileUpdateKeepsOmittedFieldsAndNullClears() {
		String profileId = fixtures.profile(fixtures.project(unique("p")),
				Map.of("name", "Main", "description", "About"));

		// language=GraphQL
		String update = """
				mutation($id: ID!, $input: ProfileInput!) { updateProfile(id: $id, input: $input) { name description } }""";
		owner.document(update)
			.variable("id", profileId)
			.variable("input", Map.of("name", "Renamed"))
			.execute()
			.path("updateProfile",
					profile -> profile.path("name")
						.entity(String.class)
						.isEqualTo("Renamed")
						.path("description")
						.entity(String.class)
						.isEqualTo("About"));
		Map<String, Object> clear = new LinkedHashMap<>();
		clear.put("description", null);
		owner.document(update)
			.variable("id", profileId)
			.variable("input", clear)
			.execute()
			.path("updateProfile",
					profile -> profile.path("name")
						.entity(String.class)
						.isEqualTo("Renamed")
						.path("description")
						.valueIsNull());
	}

	@Test
	void dashboardUpdateKeepsOmittedFieldsAndNullClears() {
		String templateId = new Fixtures(users.admin(unique("admin"))).template(unique("board-template"));
		String profileId = fixtures.profile(fixtures.project(unique("p")), "Main");
		Map<String, Object> layout = Map.of("columns", 4);
		String id = fixtures.dashboard(profileId,
				Map.of("name", "Board", "description", "About", "templateId", templateId, "layout", layout));

		// language=GraphQL
		String update = """
				mutation($id: ID!, $input: DashboardInput!) {
				  updateDashboard(id: $id, input: $input) { name description templateId template { id } layout position }
				}""";
		owner.document(update)
			.variable("id", id)
			.variable("input", Map.of("name", "Renamed"))
			.execute()
			.path("updateDashboard",
					dashboard -> dashboard.path("name")
						.entity(String.class)
						.isEqualTo("Renamed")
						.path("description")
						.entity(String.class)
						.isEqualTo("About")
						.path("templateId")
						.entity(String.class)
						.isEqualTo(templateId)
						.path("template.id")
						.entity(String.class)
						.isEqualTo(templateId)
						.path("layout")
						.entity(Map.class)
						.isEqualTo(layout)
						.path("position")
						.entity(Integer.class)
						.isEqualTo(0));

		Map<String, Object> clear = new LinkedHashMap<>();
		clear.put("description", null);
		clear.put("templateId", null);
		owner.document(update)
			.variable("id", id)
			.variable("input", clear)
			.execute()
			.path("updateDashboard",
					dashboard -> dashboard.path("name")
						.entity(String.class)
						.isEqualTo("Renamed")
						.path("description")
						.valueIsNull()
						.path("templateId")
						.valueIsNull()
						.path("template")
						.valueIsNull()
						.path("layout")
						.entity(Map.class)
						.isEqualTo(layout));

		owner.document(update)
			.variable("id", id)
			.variable("input", Map.of("layout", Map.of("rows", 1)))
			.execute()
			.path("updateDashboard",
					dashboard -> dashboard.path("name")
						.entity(String.class)
						.isEqualTo("Renamed")
						.path("layout")
						.entity(Map.class)
						.isEqualTo(Map.of("rows", 1)));
	}

	@Test
	void moduleUpdateKeepsOmittedFields() {
		String dashboardId = fixtures.dashboard(fixtures.profile(fixtures.project(unique("p")), "Main"), "Board");
		Map<String, Object> configuration = Map.of("items", List.of("a"));
		String id = fixtures.module(dashboardId,
				Map.of("moduleType", "decision_log", "name", "Log", "configuration", configuration));

		// language=GraphQL
		String update = """
				mutation($id: ID!, $input: ModuleInput!) {
				  updateModule(id: $id, input: $input) { moduleType name configuration position }
				}""";
		owner.document(update)
			.variable("id", id)
			.variable("input", Map.of("name", "Decisions"))
			.execute()
			.path("updateModule",
					module -> module.path("name")
						.entity(String.class)
						.isEqualTo("Decisions")
						.path("moduleType")
						.entity(String.class)
						.isEqualTo("decision_log")
						.path("configuration")
						.entity(Map.class)
						.isEqualTo(configuration)
						.path("position")
						.entity(Integer.class)
						.isEqualTo(0));
		owner.document(update)
			.variable("id", id)
			.variable("input", Map.of("configuration", Map.of("items", List.of())))
			.execute()
			.path("updateModule",
					module -> module.path("name")
						.entity(String.class)
						.isEqualTo("Decisions")
						.path("moduleType")
						.entity(String.class)
						.isEqualTo("decision_log")
						.path("configuration")
						.entity(Map.class)
						.isEqualTo(Map.of("items", List.of())));
	}

	private GraphQlTester.Response readProject(String id) {
		return owner.documentName("projectTree").variable("id", id).execute();
	}

	private static void assertDateTimes(GraphQlTester.Response response, String... paths) {
		for (String path : paths) {
			response.path(path).entity(String.class).satisfies(value -> assertThat(value).as(path).matches(DATE_TIME));
		}
	}

}

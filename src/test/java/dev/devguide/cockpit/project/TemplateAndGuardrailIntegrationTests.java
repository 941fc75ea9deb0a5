package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.support.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GraphQlErrors;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Templates (admins change them, everyone reads them) and guardrails (owners change their
 * project's, admins the system ones; a project sees its own plus the system ones), and
 * dashboards made from templates.
 */
@IntegrationTest
class TemplateAndGuardrailIntegrationTests {

	// language=GraphQL
	private static final String TEMPLATE_FIELDS = """
			{ id name category description specification createdBy communityApproved downloadCount createdAt }""";

	// language=GraphQL
	private static final String GUARDRAIL_FIELDS = """
			{ id projectId ruleId description severity autoReject configuration enabled system createdAt }""";

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Autowired
	DatabaseClient databaseClient;

	@Autowired
	TestUsers users;

	private TestDatabase database;

	private String adminId;

	private HttpGraphQlTester admin;

	private HttpGraphQlTester owner;

	private Fixtures fixtures;

	@BeforeEach
	void setUp() {
		database = new TestDatabase(databaseClient);
		adminId = unique("config-admin");
		admin = users.admin(adminId);
		owner = users.user(unique("config-owner"));
		fixtures = new Fixtures(owner);
	}

	@Test
	void adminsCreateUpdateAndDeleteTemplates() {
		String name = unique("template");
		Map<String, Object> specification = Map.of("modules", List.of("checklist", "decision_log"), "columns", 2);
		Map<String, Object> created = templateMutation("createTemplate", null, Map.of("name", name, "category",
				"workflow", "description", "Plans", "specification", specification, "communityApproved", true))
			.path("createTemplate")
			.entity(MAP)
			.get();
		assertThat(created).containsEntry("name", name)
			.containsEntry("category", "workflow")
			.containsEntry("description", "Plans")
			.containsEntry("specification", specification)
			.containsEntry("createdBy", adminId)
			.containsEntry("communityApproved", true)
			.containsEntry("downloadCount", 0);
		assertThat((String) created.get("createdAt")).matches(HierarchyIntegrationTests.DATE_TIME);
		String id = (String) created.get("id");

		Map<String, Object> clear = new LinkedHashMap<>();
		clear.put("description", null);
		clear.put("category", "dashboard");
		assertThat(templateMutation("updateTemplate", id, clear).path("updateTemplate").entity(MAP).get())
			.containsEntry("name", name)
			.containsEntry("category", "dashboard")
			.containsEntry("description", null)
			.containsEntry("specification", specification)
			.containsEntry("communityApproved", true)
			.containsEntry("createdAt", created.get("createdAt"));

		// language=GraphQL
		admin.document("mutation($id: ID!) { deleteTemplate(id: $id) }")
			.variable("id", id)
			.execute()
			.path("deleteTemplate")
			.entity(String.class)
			.isEqualTo(id);
		assertThat(templateNames(null)).doesNotContain(name);
		// language=GraphQL
		admin.document("mutation($id: ID!) { deleteTemplate(id: $id) }")
			.variable("id", id)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("NOT_FOUND"));
	}

	@Test
	void aDuplicateTemplateNameIsBadRequest() {
		String name = unique("taken");
		String other = new Fixtures(admin).template(unique("other"));
		new Fixtures(admin).template(name);

		templateMutation("createTemplate", null, Map.of("name", name, "category", "module", "specification", Map.of()))
			.errors()
			.satisfy(GraphQlErrors.single("BAD_REQUEST", "input.name"));
		templateMutation("updateTemplate", other, Map.of("name", name)).errors()
			.satisfy(GraphQlErrors.single("BAD_REQUEST", "input.name"));

		assertThat(database.rows("SELECT id FROM templates WHERE name = :name", Map.of("name", name))).hasSize(1);
	}

	@Test
	void usersReadTemplatesButOnlyAdminsChangeThem() {
		String name = unique("readable");
		String id = new Fixtures(admin).template(name);

		List<String> all = templateNames(null);
		assertThat(all).contains(name).isSorted();
		assertThat(templateNames("dashboard")).contains(name);
		assertThat(templateNames("workflow")).doesNotContain(name);

		// language=GraphQL
		owner
			.document(
					"mutation { createTemplate(input: {name: \"x\", category: \"module\", specification: {}}) { id } }")
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("FORBIDDEN"));
		// language=GraphQL
		owner.document("mutation($id: ID!) { updateTemplate(id: $id, input: {name: \"mine\"}) { id } }")
			.variable("id", id)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("FORBIDDEN"));
		// language=GraphQL
		owner.document("mutation($id: ID!) { deleteTemplate(id: $id) }")
			.variable("id", id)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("FORBIDDEN"));
		assertThat(templateNames(null)).contains(name);
	}

	@Test
	void ownersCreateUpdateAndDeleteTheirProjectsGuardrails() {
		String project = fixtures.project(unique("guarded"));
		String rule = unique("no-secrets");
		Map<String, Object> configuration = Map.of("patterns", List.of("AKIA"));
		Map<String, Object> created = guardrailMutation(owner, "createGuardrail", project,
				Map.of("ruleId", rule, "description", "No secrets", "severity", "CRITICAL", "autoReject", true,
						"configuration", configuration, "enabled", false))
			.path("createGuardrail")
			.entity(MAP)
			.get();
		assertThat(created).containsEntry("projectId", project)
			.containsEntry("ruleId", rule)
			.containsEntry("description", "No secrets")
			.containsEntry("severity", "CRITICAL")
			.containsEntry("autoReject", true)
			.containsEntry("configuration", configuration)
			.containsEntry("enabled", false)
			.containsEntry("system", false);
		String id = (String) created.get("id");

		assertThat(guardrailMutation(owner, "updateGuardrail", id, Map.of("severity", "LOW")).path("updateGuardrail")
			.entity(MAP)
			.get()).containsEntry("severity", "LOW")
			.containsEntry("ruleId", rule)
			.containsEntry("description", "No secrets")
			.containsEntry("autoReject", true)
			.containsEntry("configuration", configuration)
			.containsEntry("enabled", false);
		Map<String, Object> clear = new LinkedHashMap<>();
		clear.put("configuration", null);
		clear.put("enabled", true);
		assertThat(guardrailMutation(owner, "updateGuardrail", id, clear).path("updateGuardrail").entity(MAP).get())
			.containsEntry("configuration", null)
			.containsEntry("enabled", true)
			.containsEntry("severity", "LOW");

		HttpGraphQlTester stranger = users.user(unique("stranger"));
		guardrailMutation(stranger, "updateGuardrail", id, Map.of("enabled", false)).errors()
			.satisfy(GraphQlErrors.notFound("Guardrail", id));
		guardrailMutation(stranger, "createGuardrail", project,
				Map.of("ruleId", "r", "description", "d", "severity", "LOW"))
			.errors()
			.satisfy(GraphQlErrors.notFound("Project", project));
		// language=GraphQL
		stranger.document("mutation($id: ID!) { deleteGuardrail(id: $id) }")
			.variable("id", id)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.notFound("Guardrail", id));

		// language=GraphQL
		owner.document("mutation($id: ID!) { deleteGuardrail(id: $id) }")
			.variable("id", id)
			.execute()
			.path("deleteGuardrail")
			.entity(String.class)
			.isEqualTo(id);
		assertThat(database.countIn("guardrails", "project_id", List.of(project))).isZero();
	}

	@Test
	void aProjectSeesItsOwnAndTheSystemGuardrails() {
		String project = fixtures.project(unique("guarded"));
		String sibling = fixtures.project(unique("sibling"));
		String own = fixtures.guardrail(project, unique("own"));
		String siblings = fixtures.guardrail(sibling, unique("sibling"));
		String system = new Fixtures(admin).guardrail(null, unique("system"));
		Fixtures stranger = new Fixtures(users.user(unique("stranger")));
		String strangerProject = stranger.project("theirs");
		String strangers = stranger.guardrail(strangerProject, unique("strange"));

		// language=GraphQL
		List<Map<String, Object>> ofProject = owner
			.document("query($id: ID!) { project(id: $id) { guardrails " + GUARDRAIL_FIELDS + " } }")
			.variable("id", project)
			.execute()
			.path("project.guardrails")
			.entity(LIST)
			.get();
		assertOwnPlusSystem(ofProject, project, own, system, siblings, strangers);

		// language=GraphQL
		String listQuery = "query($id: ID) { guardrails(projectId: $id) " + GUARDRAIL_FIELDS + " }";
		assertOwnPlusSystem(
				owner.document(listQuery).variable("id", project).execute().path("guardrails").entity(LIST).get(),
				project, own, system, siblings, strangers);

		List<Map<String, Object>> all = owner.document(listQuery).execute().path("guardrails").entity(LIST).get();
		assertThat(all).extracting(row -> row.get("id")).contains(own, siblings, system).doesNotContain(strangers);

		List<Map<String, Object>> foreign = owner.document(listQuery)
			.variable("id", strangerProject)
			.execute()
			.path("guardrails")
			.entity(LIST)
			.get();
		assertThat(foreign).allSatisfy(row -> assertThat(row).containsEntry("system", true));
	}

	@Test
	void onlyAdminsCreateSystemGuardrails() {
		String rule = unique("not-system");
		guardrailMutation(owner, "createGuardrail", null, Map.of("ruleId", rule, "description", "d", "severity", "LOW"))
			.errors()
			.satisfy(GraphQlErrors.single("FORBIDDEN"));
		String system = new Fixtures(admin).guardrail(null, unique("system"));
		guardrailMutation(owner, "updateGuardrail", system, Map.of("enabled", false)).errors()
			.satisfy(GraphQlErrors.single("FORBIDDEN"));
		assertThat(database.rows("SELECT id FROM guardrails WHERE rule_id = :rule", Map.of("rule", rule))).isEmpty();
	}

	@Test
	void severityMustBeOneOfTheEnumValues() {
		String project = fixtures.project(unique("severity"));

		guardrailMutation(owner, "createGuardrail", project,
				Map.of("ruleId", "r", "description", "d", "severity", "SEVERE"))
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getMessage()).contains("Severity");
				assertThat(error.getExtensions().get("classification")).isNotEqualTo("INTERNAL_ERROR");
			}));
		// language=GraphQL
		owner.document("""
				mutation($p: ID) {
				  createGuardrail(projectId: $p, input: {ruleId: "r", description: "d", severity: severe}) { id }
				}""")
			.variable("p", project)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).contains("Severity")));
		guardrailMutation(owner, "createGuardrail", project, Map.of("ruleId", "r", "description", "d")).errors()
			.satisfy(GraphQlErrors.single("BAD_REQUEST", "input.severity"));
		assertThat(database.countIn("guardrails", "project_id", List.of(project))).isZero();
	}

	@Test
	void dashboardsReferToExistingTemplatesOnly() {
		String template = new Fixtures(admin).template(unique("board-template"));
		String profile = fixtures.profile(fixtures.project(unique("templated")), "P");

		hierarchyMutation("createDashboard", "profileId", profile,
				Map.of("name", "Ghost", "layout", Map.of(), "templateId", "no-such-template"))
			.errors()
			.satisfy(GraphQlErrors.single("BAD_REQUEST", "input.templateId"));
		assertThat(database.countIn("dashboards", "profile_id", List.of(profile))).isZero();

		Map<String, Object> dashboard = hierarchyMutation("createDashboard", "profileId", profile,
				Map.of("name", "Real", "layout", Map.of(), "templateId", template))
			.path("createDashboard")
			.entity(MAP)
			.get();
		assertThat(dashboard).containsEntry("templateId", template);
		assertThat(dashboard.get("template")).asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
			.containsEntry("id", template)
			.containsKey("specification");

		String id = (String) dashboard.get("id");
		// language=GraphQL
		owner.document("mutation($id: ID!) { updateDashboard(id: $id, input: {templateId: \"missing\"}) { id } }")
			.variable("id", id)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("BAD_REQUEST", "input.templateId"));
		assertThat(database.rows("SELECT template_id FROM dashboards WHERE id = :id", Map.of("id", id)))
			.extracting(row -> row.get("template_id"))
			.containsExactly(template);
	}

	private GraphQlTester.Response templateMutation(String mutation, String id, Map<String, Object> input) {
		String arguments = id == null ? "(input: $input)" : "(id: \"" + id + "\", input: $input)";
		return admin
			.document("mutation($input: TemplateInput!) { " + mutation + arguments + " " + TEMPLATE_FIELDS + " }")
			.variable("input", input)
			.execute();
	}

	private GraphQlTester.Response guardrailMutation(HttpGraphQlTester tester, String mutation, String id,
			Map<String, Object> input) {
		String arguments = mutation.startsWith("create") ? "(projectId: $id, input: $input)"
				: "(id: $id, input: $input)";
		String idType = mutation.startsWith("create") ? "ID" : "ID!";
		return tester
			.document("mutation($id: " + idType + ", $input: GuardrailInput!) { " + mutation + arguments + " "
					+ GUARDRAIL_FIELDS + " }")
			.variable("id", id)
			.variable("input", input)
			.execute();
	}

	private GraphQlTester.Response hierarchyMutation(String mutation, String parentArgument, String parentId,
			Map<String, Object> input) {
		// language=GraphQL
		String fields = "{ id templateId template " + TEMPLATE_FIELDS + " }";
		return owner
			.document("mutation($parent: ID!, $input: DashboardInput!) { " + mutation + "(" + parentArgument
					+ ": $parent, input: $input) " + fields + " }")
			.variable("parent", parentId)
			.variable("input", input)
			.execute();
	}

	private List<String> templateNames(String category) {
		// language=GraphQL
		return owner.document("query($category: String) { templates(category: $category) { name } }")
			.variable("category", category)
			.execute()
			.path("templates[*].name")
			.entityList(String.class)
			.get();
	}

	private static void assertOwnPlusSystem(List<Map<String, Object>> guardrails, String project, String own,
			String system, String... others) {
		assertThat(guardrails).extracting(row -> row.get("id")).contains(own, system).doesNotContain((Object[]) others);
		assertThat(guardrails)
			.allSatisfy(row -> assertThat(row.get("projectId") == null ? row.get("system").equals(true)
					: row.get("projectId").equals(project) && row.get("system").equals(false))
				.as("guardrail %s is the project's own or a system one", row)
				.isTrue());
	}

}

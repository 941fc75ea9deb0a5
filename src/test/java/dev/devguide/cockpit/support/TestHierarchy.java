package dev.devguide.cockpit.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Creates rows of the hierarchy, templates and guardrails through the API, one mutation
 * each, and returns the ids.
 */
public final class TestHierarchy {

	private final HttpGraphQlTester tester;

	public TestHierarchy(HttpGraphQlTester tester) {
		this.tester = tester;
	}

	/** A name or user id that no other test uses: the prefix and a random suffix. */
	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public String project(String name) {
		return project(Map.of("name", name));
	}

	public String project(Map<String, ?> input) {
		// language=GraphQL
		String document = "mutation($input: ProjectInput!) { createProject(input: $input) { id } }";
		return create(document, "createProject", Map.of("input", input));
	}

	public String profile(String projectId, String name) {
		return profile(projectId, Map.of("name", name));
	}

	public String profile(String projectId, Map<String, ?> input) {
		// language=GraphQL
		String document = """
				mutation($projectId: ID!, $input: ProfileInput!) {
				  createProfile(projectId: $projectId, input: $input) { id }
				}""";
		return create(document, "createProfile", Map.of("projectId", projectId, "input", input));
	}

	public String dashboard(String profileId, String name) {
		return dashboard(profileId, Map.of("name", name, "layout", Map.of("columns", 2)));
	}

	public String dashboard(String profileId, Map<String, ?> input) {
		// language=GraphQL
		String document = """
				mutation($profileId: ID!, $input: DashboardInput!) {
				  createDashboard(profileId: $profileId, input: $input) { id }
				}""";
		return create(document, "createDashboard", Map.of("profileId", profileId, "input", input));
	}

	public String module(String dashboardId, String name) {
		return module(dashboardId,
				Map.of("moduleType", "checklist", "name", name, "configuration", Map.of("items", List.of())));
	}

	public String module(String dashboardId, Map<String, ?> input) {
		// language=GraphQL
		String document = """
				mutation($dashboardId: ID!, $input: ModuleInput!) {
				  createModule(dashboardId: $dashboardId, input: $input) { id }
				}""";
		return create(document, "createModule", Map.of("dashboardId", dashboardId, "input", input));
	}

	/** Grants the module a capability and returns the capability's id. */
	public String grant(String moduleId, String capabilityType) {
		return grant(moduleId, capabilityType, null);
	}

	public String grant(String moduleId, String capabilityType, String justification) {
		// language=GraphQL
		String document = """
				mutation($moduleId: ID!, $type: String!, $why: String) {
				  grantCapability(moduleId: $moduleId, capabilityType: $type, justification: $why) { id }
				}""";
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("moduleId", moduleId);
		variables.put("type", capabilityType);
		variables.put("why", justification);
		return create(document, "grantCapability", variables);
	}

	/** Makes the dashboard the profile's active one. */
	public void activate(String profileId, String dashboardId) {
		// language=GraphQL
		String document = """
				mutation($profileId: ID!, $dashboardId: ID) {
				  setActiveDashboard(profileId: $profileId, dashboardId: $dashboardId) { id }
				}""";
		tester.document(document)
			.variable("profileId", profileId)
			.variable("dashboardId", dashboardId)
			.executeAndVerify();
	}

	/** Creates a template (the tester must be an admin's). */
	public String template(String name) {
		// language=GraphQL
		String document = "mutation($input: TemplateInput!) { createTemplate(input: $input) { id } }";
		Map<String, Object> input = Map.of("name", name, "category", "dashboard", "specification",
				Map.of("panels", List.of("checklist")));
		return create(document, "createTemplate", Map.of("input", input));
	}

	/**
	 * Creates a guardrail of the project, or a system guardrail when projectId is null
	 * (admins only).
	 */
	public String guardrail(String projectId, String ruleId) {
		// language=GraphQL
		String document = """
				mutation($projectId: ID, $input: GuardrailInput!) {
				  createGuardrail(projectId: $projectId, input: $input) { id }
				}""";
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("projectId", projectId);
		variables.put("input", Map.of("ruleId", ruleId, "description", "Rule " + ruleId, "severity", "HIGH"));
		return create(document, "createGuardrail", variables);
	}

	private String create(String document, String field, Map<String, Object> variables) {
		return tester.document(document).variables(variables).execute().path(field + ".id").entity(String.class).get();
	}

}

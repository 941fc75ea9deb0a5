package dev.devguide.cockpit.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Builds test data through the API as one caller, one mutation a method returning ids;
 * volume data comes from {@link SeededHierarchy} instead.
 */
public final class Fixtures {

	/** A project with one profile and dashboards holding modules of the given types. */
	public record Hierarchy(String projectId, String profileId, List<String> dashboardIds,
			List<List<String>> moduleIds) {
	}

	private final HttpGraphQlTester tester;

	/** Fixtures made by the caller behind the tester (a user's, or an admin's). */
	public Fixtures(HttpGraphQlTester tester) {
		this.tester = tester;
	}

	/** A name or user id that no other test uses: the prefix and a random suffix. */
	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A project with a unique name, for tests that never look at the name. */
	public String project() {
		return project(unique("project"));
	}

	public String project(String name) {
		return project(Map.of("name", name));
	}

	public String project(Map<String, ?> input) {
		// language=GraphQL
		String document = """
				mutation($input: ProjectInput!) { createProject(input: $input) { id } }""";
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

	/**
	 * A project whose one profile ("main") has a dashboard ("d") per entry, holding
	 * modules ("m") of the entry's types, e.g. {@code [["checklist"], ["decision_log"]]}.
	 */
	public Hierarchy hierarchy(List<List<String>> moduleTypes) {
		String project = project();
		String profile = profile(project, "main");
		List<String> dashboards = new ArrayList<>();
		List<List<String>> modules = new ArrayList<>();
		for (List<String> types : moduleTypes) {
			String dashboard = dashboard(profile, Map.of("name", "d", "layout", Map.of()));
			dashboards.add(dashboard);
			modules.add(types.stream()
				.map(type -> module(dashboard, Map.of("moduleType", type, "name", "m", "configuration", Map.of())))
				.toList());
		}
		return new Hierarchy(project, profile, dashboards, modules);
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
		String document = """
				mutation($input: TemplateInput!) { createTemplate(input: $input) { id } }""";
		Map<String, Object> input = Map.of("name", name, "category", "dashboard", "specification",
				Map.of("panels", List.of("checklist")));
		return create(document, "createTemplate", Map.of("input", input));
	}

	/**
	 * Creates a HIGH guardrail of the project, or a system guardrail when projectId is
	 * null (admins only).
	 */
	public String guardrail(String projectId, String ruleId) {
		return guardrail(projectId, Map.of("ruleId", ruleId, "description", "Rule " + ruleId, "severity", "HIGH"));
	}

	public String guardrail(String projectId, Map<String, ?> input) {
		// language=GraphQL
		String document = """
				mutation($projectId: ID, $input: GuardrailInput!) {
				  createGuardrail(projectId: $projectId, input: $input) { id }
				}""";
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("projectId", projectId);
		variables.put("input", input);
		return create(document, "createGuardrail", variables);
	}

	/** Submits a config_update change to the Bin and returns its id. */
	public String submit(String projectId, String moduleId, Map<String, ?> payload) {
		return submitting(projectId, moduleId, payload).path("submitChange.id").entity(String.class).get();
	}

	/** Submits a change and returns the response, for tests that expect it refused. */
	public GraphQlTester.Response submitting(String projectId, String moduleId, Object payload) {
		// language=GraphQL
		String document = """
				mutation($p: ID!, $m: ID, $payload: JSON!) {
				  submitChange(projectId: $p, changeType: "config_update", sourceModuleId: $m, payload: $payload) {
				    id status
				  }
				}""";
		return tester.document(document)
			.variable("p", projectId)
			.variable("m", moduleId)
			.variable("payload", payload)
			.execute();
	}

	/** Runs validateChange or propagateChange and returns the response. */
	public GraphQlTester.Response transition(String mutation, String changeId) {
		// language=GraphQL
		String document = """
				mutation($id: ID!) {
				  %s(id: $id) { id status validatedAt propagatedAt validationResults impactAnalysis }
				}""".formatted(mutation);
		return tester.document(document).variable("id", changeId).execute();
	}

	/**
	 * Runs validateChange or propagateChange, expects success and returns the new status.
	 */
	public String move(String mutation, String changeId) {
		return transition(mutation, changeId).path(mutation + ".status").entity(String.class).get();
	}

	private String create(String document, String field, Map<String, Object> variables) {
		return tester.document(document).variables(variables).execute().path(field + ".id").entity(String.class).get();
	}

}

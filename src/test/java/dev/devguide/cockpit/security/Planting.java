package dev.devguide.cockpit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Creates data through the API for the authorization tests: a user's whole project tree
 * (every name and description carrying a marker), and the admin's shared rows (a template
 * and a system guardrail).
 */
final class Planting {

	private Planting() {
	}

	/**
	 * As {@code owner}: a project with a profile, a dashboard (the profile's active one),
	 * a module with a granted capability, a project guardrail, a context window
	 * ({@code window}) holding a message, a provider configuration, a grant of the shared
	 * tool and an unapproved extension dashboard ({@code extensiondashboard}). The ids
	 * come back by noun, with {@code user} and the shared rows.
	 */
	static Pointers.Target tree(HttpGraphQlTester owner, String userId, String marker, String capabilityType,
			Map<String, String> shared) {
		Map<String, String> ids = new HashMap<>(shared);
		ids.put("user", userId);
		ids.put("project",
				create(owner, """
						mutation($input: ProjectInput!) { created: createProject(input: $input) { id } }""",
						Map.of("input",
								Map.of("name", marker + "-project", "description", marker + "-project-description",
										"workflowTemplate", marker + "-workflow", "gitRepository",
										"https://git.example/" + marker))));
		ids.put("profile", create(owner, """
				mutation($parent: ID!, $input: ProfileInput!) {
				  created: createProfile(projectId: $parent, input: $input) { id }
				}""", Map.of("parent", ids.get("project"), "input",
				Map.of("name", marker + "-profile", "description", marker + "-profile-description"))));
		ids.put("dashboard", create(owner, """
				mutation($parent: ID!, $input: DashboardInput!) {
				  created: createDashboard(profileId: $parent, input: $input) { id }
				}""", Map.of("parent", ids.get("profile"), "input", Map.of("name", marker + "-dashboard", "description",
				marker + "-dashboard-description", "layout", Map.of("columns", List.of(marker + "-layout"))))));
		ids.put("module", create(owner, """
				mutation($parent: ID!, $input: ModuleInput!) {
				  created: createModule(dashboardId: $parent, input: $input) { id }
				}""", Map.of("parent", ids.get("dashboard"), "input", Map.of("name", marker + "-module", "moduleType",
				marker + "-module-type", "configuration", Map.of("note", marker + "-module-configuration")))));
		ids.put("capability", create(owner, """
				mutation($parent: ID!, $type: String!, $why: String) {
				  created: grantCapability(moduleId: $parent, capabilityType: $type, justification: $why) { id }
				}""", Map.of("parent", ids.get("module"), "type", capabilityType, "why", marker + "-justification")));
		ids.put("guardrail",
				create(owner, """
						mutation($parent: ID, $input: GuardrailInput!) {
						  created: createGuardrail(projectId: $parent, input: $input) { id }
						}""",
						Map.of("parent", ids.get("project"), "input",
								Map.of("ruleId", marker + "-rule", "description", marker + "-guardrail-description",
										"severity", "HIGH", "configuration",
										Map.of("note", marker + "-guardrail-configuration")))));
		ids.put("window", create(owner, """
				mutation($parent: ID!) { created: createContextWindow(projectId: $parent, maxTokens: 1000) { id } }""",
				Map.of("parent", ids.get("project"))));
		owner.document("""
				mutation($id: ID!, $messages: [ContextMessageInput!]!) {
				  appendContextMessages(id: $id, messages: $messages) { evicted }
				}""")
			.variable("id", ids.get("window"))
			.variable("messages", List.of(Map.of("role", "USER", "content", marker + "-context-message", "tokens", 3)))
			.executeAndVerify();
		cortex(owner, marker, ids);
		ids.put("extensiondashboard", create(owner,
				"""
						mutation($input: PublishExtensionDashboardInput!) { created: publishExtensionDashboard(input: $input) { id } }""",
				Map.of("input",
						Map.of("extensionId", marker + "-extension", "dashboardId", marker + "-extension-dashboard",
								"name", marker + "-extension-dashboard-name", "description",
								marker + "-extension-description", "config", extensionConfig(marker), "changelog",
								marker + "-changelog"))));
		String active = owner.document("""
				mutation($profile: ID!, $dashboard: ID) {
				  setActiveDashboard(profileId: $profile, dashboardId: $dashboard) { activeDashboardId }
				}""")
			.variable("profile", ids.get("profile"))
			.variable("dashboard", ids.get("dashboard"))
			.execute()
			.path("setActiveDashboard.activeDashboardId")
			.entity(String.class)
			.get();
		assertThat(active).as("the owner's profile has its dashboard as the active one")
			.isEqualTo(ids.get("dashboard"));
		return new Pointers.Target(Map.copyOf(ids), capabilityType);
	}

	/**
	 * A provider configuration with an API key ({@link #apiKey}) and, when the shared
	 * rows hold a tool, a grant of it with OAuth tokens: ids as provider and access.
	 */
	private static void cortex(HttpGraphQlTester owner, String marker, Map<String, String> ids) {
		ids.put("provider", create(owner, """
				mutation($parent: ID!, $input: ProviderConfigurationInput!) {
				  created: configureProvider(projectId: $parent, input: $input) { id }
				}""", Map.of("parent", ids.get("project"), "input",
				Map.of("provider", marker + "-provider", "model", marker + "-model", "apiKey", apiKey(marker)))));
		if (ids.containsKey("tool")) {
			ids.put("access", create(owner, """
					mutation($parent: ID!, $tool: ID!, $input: ToolAccessInput) {
					  created: grantToolAccess(projectId: $parent, toolId: $tool, input: $input) { id }
					}""", Map.of("parent", ids.get("project"), "tool", ids.get("tool"), "input", Map.of("oauth",
					Map.of("accessToken", apiKey(marker) + "-oauth", "scopes", List.of(marker + "-scope"))))));
		}
	}

	/**
	 * An extension dashboard config that fits the schema, with the marker in every text:
	 * the owner's unapproved extension dashboard, which no other user may see.
	 */
	private static Map<String, Object> extensionConfig(String marker) {
		return Map.of("name", marker + "-config", "layout", Map.of("note", marker + "-layout"), "modules",
				List.of(Map.of("type", "checklist", "name", marker + "-config-module", "configuration",
						Map.of("note", marker + "-module-configuration"), "position", 0)));
	}

	/**
	 * The owner's own extension dashboard (planted unapproved by {@link #tree}, so no
	 * other user can see or install it) installed into the owner's project: id as
	 * mapping.
	 */
	static Pointers.Target extension(HttpGraphQlTester owner, Pointers.Target tree, String marker) {
		Map<String, String> ids = new HashMap<>(tree.ids());
		ids.put("mapping", create(owner, """
				mutation($parent: ID!, $dashboard: ID!, $input: ExtensionInstallInput) {
				  created: installExtension(projectId: $parent, extensionDashboardId: $dashboard, input: $input) { id }
				}""", Map.of("parent", ids.get("project"), "dashboard", ids.get("extensiondashboard"), "input",
				Map.of("customConfig", Map.of("description", marker + "-custom-config")))));
		return new Pointers.Target(Map.copyOf(ids), tree.capabilityType());
	}

	/** The API key of the planted provider, which no response may contain. */
	static String apiKey(String marker) {
		return marker + "-provider-api-key";
	}

	/**
	 * As an admin: a template, a system guardrail and a tool, which every user may read;
	 * ids as template, systemGuardrail, tool.
	 */
	static Map<String, String> sharedRows(HttpGraphQlTester admin, String marker) {
		String template = create(admin, """
				mutation($input: TemplateInput!) { created: createTemplate(input: $input) { id } }""",
				Map.of("input", Map.of("name", marker + "-template", "category", "dashboard", "description",
						marker + "-template-description", "specification", Map.of("note", marker + "-specification"))));
		String guardrail = create(admin, """
				mutation($input: GuardrailInput!) { created: createGuardrail(input: $input) { id } }""",
				Map.of("input", Map.of("ruleId", marker + "-system-rule", "description",
						marker + "-system-guardrail-description", "severity", "LOW")));
		String tool = create(admin, """
				mutation($input: ToolInput!) { created: registerTool(input: $input) { id } }""",
				Map.of("input", Map.of("name", marker + "-tool", "category", "external", "description",
						marker + "-tool-description", "implementationType", "API")));
		return Map.of("template", template, "systemGuardrail", guardrail, "tool", tool);
	}

	/**
	 * As {@code owner}: the cached response for the prompt and provider that another
	 * user's probes send ({@code <text>-prompt}, {@code <text>-provider}, as
	 * {@link Pointers} writes strings). The cache is keyed by text, not by ids, so this
	 * is how the walk points at an owner's entry: the probe's lookup finds it (entries
	 * are shared, and its response holds no marker), its cacheResponse must be refused
	 * (only the author or an admin replaces an entry).
	 */
	static String cachedResponse(HttpGraphQlTester owner, String text) {
		return create(owner, """
				mutation($prompt: String!, $provider: String!, $response: JSON!) {
				  created: cacheResponse(prompt: $prompt, provider: $provider, response: $response) { id }
				}""", Map.of("prompt", text + "-prompt", "provider", text + "-provider", "response",
				Map.of("text", "a response anyone may reuse")));
	}

	private static String create(HttpGraphQlTester tester, String document, Map<String, Object> variables) {
		return tester.document(document).variables(variables).execute().path("created.id").entity(String.class).get();
	}

}

package dev.devguide.cockpit.cortex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The tool and tool grant operations, as one caller. */
final class ToolClient {

	// language=GraphQL
	static final String TOOL = "id name category description implementationType config system requiresCapability createdAt";

	// language=GraphQL
	static final String ACCESS = """
			id projectId toolId accessType enabled status scopes expiresAt lastAccessedAt hasAccessToken
			hasRefreshToken tokenKeyId tokensSetAt tool { id name }""";

	private final HttpGraphQlTester tester;

	ToolClient(HttpGraphQlTester tester) {
		this.tester = tester;
	}

	HttpGraphQlTester tester() {
		return tester;
	}

	GraphQlTester.Response registering(Map<String, ?> input) {
		return tester.document("mutation($input: ToolInput!) { registerTool(input: $input) { " + TOOL + " } }")
			.variable("input", input)
			.execute();
	}

	Map<String, Object> register(Map<String, ?> input) {
		return registering(input).path("registerTool").entity(ProviderClient.MAP).get();
	}

	/** A tool with a unique name, requiring {@code capability} (null: none). */
	String tool(String name, String capability) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("name", name);
		input.put("category", "external");
		input.put("description", "a test tool");
		input.put("implementationType", "API");
		input.put("requiresCapability", capability);
		return (String) register(input).get("id");
	}

	GraphQlTester.Response updatingTool(String id, Map<String, ?> input) {
		return tester
			.document("mutation($id: ID!, $input: ToolInput!) { updateTool(id: $id, input: $input) { " + TOOL + " } }")
			.variable("id", id)
			.variable("input", input)
			.execute();
	}

	GraphQlTester.Response deletingTool(String id) {
		return tester.document("mutation($id: ID!) { deleteTool(id: $id) }").variable("id", id).execute();
	}

	List<Map<String, Object>> tools(String category, Boolean system) {
		return tester.document("query($c: String, $s: Boolean) { tools(category: $c, system: $s) { " + TOOL + " } }")
			.variable("c", category)
			.variable("s", system)
			.execute()
			.path("tools")
			.entityList(ProviderClient.MAP)
			.get();
	}

	GraphQlTester.Response granting(String projectId, String toolId, Map<String, ?> input) {
		return tester
			.document("mutation($p: ID!, $t: ID!, $input: ToolAccessInput) { grantToolAccess(projectId: $p, "
					+ "toolId: $t, input: $input) { " + ACCESS + " } }")
			.variable("p", projectId)
			.variable("t", toolId)
			.variable("input", input)
			.execute();
	}

	Map<String, Object> grant(String projectId, String toolId, Map<String, ?> input) {
		return granting(projectId, toolId, input).path("grantToolAccess").entity(ProviderClient.MAP).get();
	}

	GraphQlTester.Response updatingAccess(String id, Map<String, ?> input) {
		return tester
			.document("mutation($id: ID!, $input: ToolAccessInput!) { updateToolAccess(id: $id, input: $input) { "
					+ ACCESS + " } }")
			.variable("id", id)
			.variable("input", input)
			.execute();
	}

	Map<String, Object> updateAccess(String id, Map<String, ?> input) {
		return updatingAccess(id, input).path("updateToolAccess").entity(ProviderClient.MAP).get();
	}

	GraphQlTester.Response revoking(String id) {
		return tester.document("mutation($id: ID!) { revokeToolAccess(id: $id) }").variable("id", id).execute();
	}

	GraphQlTester.Response using(String id) {
		return tester.document("mutation($id: ID!) { recordToolUse(accessId: $id) { " + ACCESS + " } }")
			.variable("id", id)
			.execute();
	}

	List<Map<String, Object>> access(String projectId) {
		return tester.document("query($id: ID!) { project(id: $id) { toolAccess { " + ACCESS + " } } }")
			.variable("id", projectId)
			.execute()
			.path("project.toolAccess")
			.entityList(ProviderClient.MAP)
			.get();
	}

}

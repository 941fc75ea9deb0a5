package dev.devguide.cockpit.cortex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The provider mutations and the Project.providers query, as one caller. */
final class ProviderClient {

	// language=GraphQL
	static final String FIELDS = """
			id projectId provider model temperature maxTokens enabled priority hasApiKey apiKeyLast4 apiKeyId
			apiKeySetAt createdAt updatedAt""";

	private final HttpGraphQlTester tester;

	ProviderClient(HttpGraphQlTester tester) {
		this.tester = tester;
	}

	GraphQlTester.Response configuring(String projectId, Map<String, ?> input) {
		return tester
			.document("mutation($p: ID!, $input: ProviderConfigurationInput!) { configureProvider(projectId: $p, "
					+ "input: $input) { " + FIELDS + " } }")
			.variable("p", projectId)
			.variable("input", input)
			.execute();
	}

	Map<String, Object> configure(String projectId, Map<String, ?> input) {
		return configuring(projectId, input).path("configureProvider").entity(MAP).get();
	}

	GraphQlTester.Response updating(String id, Map<String, ?> input) {
		return tester.document(
				"mutation($id: ID!, $input: ProviderConfigurationInput!) { updateProvider(id: $id, input: $input) { "
						+ FIELDS + " } }")
			.variable("id", id)
			.variable("input", input)
			.execute();
	}

	Map<String, Object> update(String id, Map<String, ?> input) {
		return updating(id, input).path("updateProvider").entity(MAP).get();
	}

	GraphQlTester.Response removing(String id) {
		return tester.document("mutation($id: ID!) { removeProvider(id: $id) }").variable("id", id).execute();
	}

	List<Map<String, Object>> providers(String projectId) {
		return tester.document("query($id: ID!) { project(id: $id) { providers { " + FIELDS + " } } }")
			.variable("id", projectId)
			.execute()
			.path("project.providers")
			.entityList(MAP)
			.get();
	}

	/** An input map that keeps explicit nulls. */
	static Map<String, Object> input(Object... keysAndValues) {
		Map<String, Object> input = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			input.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return input;
	}

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

}

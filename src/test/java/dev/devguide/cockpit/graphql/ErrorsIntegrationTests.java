package dev.devguide.cockpit.graphql;

import static dev.devguide.cockpit.support.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.ParseContext;
import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * How the API reports errors: NOT_FOUND for unknown ids, BAD_REQUEST naming the field for
 * bad input, an opaque INTERNAL_ERROR with a reference id when the database refuses
 * something, and never SQL, class names or stack traces in any response body (every body
 * this class receives is checked).
 */
@IntegrationTest
class ErrorsIntegrationTests {

	private static final List<String> BODIES = new CopyOnWriteArrayList<>();

	private static final List<String> LEAKS = List.of("SELECT", "INSERT", "UPDATE ", "FROM ", "java.", "dev.devguide",
			"Exception", "\tat ", "\\tat ");

	private static final ParseContext JSON = JsonPath
		.using(Configuration.defaultConfiguration().addOptions(Option.SUPPRESS_EXCEPTIONS));

	private static final String MISSING = "00000000-0000-0000-0000-000000000000";

	@Autowired
	DatabaseClient databaseClient;

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	private WebTestClient client;

	private String userToken;

	private String adminToken;

	private Fixtures fixtures;

	@BeforeEach
	void setUp() {
		client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port + "/graphql")
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		String userId = unique("errors-user");
		userToken = users.token(userId, List.of("user"));
		adminToken = users.token(unique("errors-admin"), List.of("user", "admin"));
		fixtures = new Fixtures(users.user(userId));
	}

	@AfterAll
	static void noBodyLeaksInternals() {
		assertThat(BODIES).as("response bodies received").isNotEmpty();
		for (String body : BODIES) {
			for (String leak : LEAKS) {
				assertThat(body).as("a response body leaks '%s'", leak).doesNotContain(leak);
			}
		}
	}

	@Test
	void unknownIdsAreNotFound() {
		List<String> documents = List.of("query { project(id: \"%s\") { id } }",
				"mutation { updateProject(id: \"%s\", input: {name: \"x\"}) { id } }",
				"mutation { deleteProject(id: \"%s\") }",
				"mutation { createProfile(projectId: \"%s\", input: {name: \"x\"}) { id } }",
				"mutation { updateProfile(id: \"%s\", input: {name: \"x\"}) { id } }",
				"mutation { deleteProfile(id: \"%s\") }", "mutation { setActiveDashboard(profileId: \"%s\") { id } }",
				"mutation { createDashboard(profileId: \"%s\", input: {name: \"x\", layout: {}}) { id } }",
				"mutation { updateDashboard(id: \"%s\", input: {name: \"x\"}) { id } }",
				"mutation { moveDashboard(id: \"%s\", position: 0) { id } }",
				"mutation { deleteDashboard(id: \"%s\") }",
				"mutation { createModule(dashboardId: \"%s\", input: {name: \"x\", moduleType: \"t\", "
						+ "configuration: {}}) { id } }",
				"mutation { updateModule(id: \"%s\", input: {name: \"x\"}) { id } }",
				"mutation { moveModule(id: \"%s\", position: 0) { id } }", "mutation { deleteModule(id: \"%s\") }",
				"mutation { grantCapability(moduleId: \"%s\", capabilityType: \"file_write\") { id } }",
				"mutation { revokeCapability(moduleId: \"%s\", capabilityType: \"file_write\") { id } }",
				"mutation { createGuardrail(projectId: \"%s\", input: {ruleId: \"r\", description: \"d\", "
						+ "severity: LOW}) { id } }",
				"mutation { updateGuardrail(id: \"%s\", input: {enabled: false}) { id } }",
				"mutation { deleteGuardrail(id: \"%s\") }");
		for (String document : documents) {
			assertSingleError(post(userToken, document.formatted(MISSING)), "NOT_FOUND", null);
		}
		assertSingleError(
				post(adminToken,
						"mutation { updateTemplate(id: \"%s\", input: {name: \"x\"}) { id } }".formatted(MISSING)),
				"NOT_FOUND", null);
		assertSingleError(post(adminToken, "mutation { deleteTemplate(id: \"%s\") }".formatted(MISSING)), "NOT_FOUND",
				null);
	}

	@Test
	void missingRequiredInputIsBadRequestNamingTheField() {
		String project = fixtures.project(unique("errors"));
		String profile = fixtures.profile(project, "P");
		String dashboard = fixtures.dashboard(profile, "D");
		Map<String, String> documents = new LinkedHashMap<>();
		documents.put("mutation { createProject(input: {name: \"\"}) { id } }", "input.name");
		documents.put("mutation { createProject(input: {name: \"   \"}) { id } }", "input.name");
		documents.put("mutation { createProject(input: {description: \"no name\"}) { id } }", "input.name");
		documents.put("mutation { updateProject(id: \"" + project + "\", input: {name: \"\"}) { id } }", "input.name");
		documents.put("mutation { createProfile(projectId: \"" + project + "\", input: {name: \"\"}) { id } }",
				"input.name");
		documents.put("mutation { createDashboard(profileId: \"" + profile + "\", input: {name: \"D\"}) { id } }",
				"input.layout");
		documents.put("mutation { createDashboard(profileId: \"" + profile
				+ "\", input: {name: \"D\", layout: [1, 2]}) { id } }", "input.layout");
		documents.put("mutation { createModule(dashboardId: \"" + dashboard
				+ "\", input: {name: \"M\", configuration: {}}) { id } }", "input.moduleType");
		documents.put("mutation { createGuardrail(projectId: \"" + project
				+ "\", input: {description: \"d\", severity: LOW}) { id } }", "input.ruleId");
		for (Map.Entry<String, String> document : documents.entrySet()) {
			assertSingleError(post(userToken, document.getKey()), "BAD_REQUEST", document.getValue());
		}
		assertSingleError(post(adminToken,
				"mutation { createTemplate(input: {name: \"" + unique("t") + "\", category: \"module\"}) { id } }"),
				"BAD_REQUEST", "input.specification");
	}

	@Test
	void tooLongValuesAreBadRequest() {
		String document = "mutation($input: ProjectInput!) { createProject(input: $input) { id name } }";

		assertSingleError(post(userToken, document, Map.of("input", Map.of("name", "n".repeat(256)))), "BAD_REQUEST",
				"input.name");
		assertSingleError(
				post(userToken, document, Map.of("input", Map.of("name", "ok", "workflowTemplate", "w".repeat(101)))),
				"BAD_REQUEST", "input.workflowTemplate");
		assertSingleError(
				post(userToken, document, Map.of("input", Map.of("name", "ok", "gitRepository", "g".repeat(501)))),
				"BAD_REQUEST", "input.gitRepository");
		assertSingleError(
				post(userToken, document, Map.of("input", Map.of("name", "ok", "description", "d".repeat(65_536)))),
				"BAD_REQUEST", "input.description");
		DocumentContext longest = post(userToken, document, Map.of("input", Map.of("name", "n".repeat(255))));
		assertThat(longest.read("$.errors", List.class)).isNull();
		assertThat(longest.read("$.data.createProject.name", String.class)).hasSize(255);
	}

	@Test
	void aDescriptionWithinTheLimitIsStoredWhateverItsEncoding() {
		String document = "mutation($input: ProjectInput!) { createProject(input: $input) { id description } }";
		String description = "€".repeat(30_000);

		DocumentContext reply = post(userToken, document,
				Map.of("input", Map.of("name", "Euro", "description", description)));

		List<?> errors = reply.read("$.errors", List.class);
		if (errors == null) {
			assertThat(reply.read("$.data.createProject.description", String.class)).isEqualTo(description);
		}
		else {
			assertSingleError(reply, "BAD_REQUEST", "input.description");
		}
	}

	@Test
	void theDeepestLayoutAllowedIsStoredWithItsVersionSnapshot() {
		String profile = fixtures.profile(fixtures.project(unique("deepest")), "P");
		Map<String, Object> layout = Map.of("leaf", 1);
		for (int level = 1; level < FieldSpec.JSON_DEPTH; level++) {
			layout = Map.of("nested", layout);
		}
		// language=GraphQL
		String document = """
				mutation($p: ID!, $input: DashboardInput!) { createDashboard(profileId: $p, input: $input) { id } }""";

		DocumentContext reply = post(userToken, document,
				Map.of("p", profile, "input", Map.of("name", "Deepest", "layout", layout)));

		assertThat((Object) reply.read("$.errors")).as("errors").isNull();
		assertThat((Object) reply.read("$.data.createDashboard.id")).isNotNull();
		assertThat(new TestDatabase(databaseClient).countIn("dashboards", "profile_id", List.of(profile))).isOne();
	}

	@Test
	void aLayoutNestedDeeperThanTheDatabaseTakesIsABadRequest() {
		String profile = fixtures.profile(fixtures.project(unique("deep")), "P");
		Map<String, Object> layout = new HashMap<>();
		Map<String, Object> level = layout;
		for (int depth = 0; depth < 100; depth++) {
			Map<String, Object> next = new HashMap<>();
			level.put("nested", next);
			level = next;
		}
		// language=GraphQL
		String document = """
				mutation($p: ID!, $input: DashboardInput!) { createDashboard(profileId: $p, input: $input) { id } }""";

		DocumentContext reply = post(userToken, document,
				Map.of("p", profile, "input", Map.of("name", "Deep", "layout", layout)));

		assertSingleError(reply, "BAD_REQUEST", "input.layout");
		assertThat(new TestDatabase(databaseClient).countIn("dashboards", "profile_id", List.of(profile))).isZero();
	}

	@Test
	void callsWithoutATokenAreUnauthorized() {
		EntityResult result = exchange(null, Map.of("query", "query { templates { id } }"));
		assertSingleError(JSON.parse(result.body()), "UNAUTHORIZED", null);
		assertSingleError(post(null, "mutation { createProject(input: {name: \"x\"}) { id } }"), "UNAUTHORIZED", null);
	}

	@Test
	void malformedRequestsAreRefusedWithoutInternals() {
		List<EntityResult> results = new ArrayList<>();
		results.add(exchangeRaw("{\"query\": \"query { templates { id } \"}"));
		results.add(exchangeRaw("{not json"));
		results.add(exchangeRaw("{\"query\": 42}"));
		results.add(exchange(userToken, Map.of("query", "query { nothing }")));
		results.add(exchange(userToken, Map.of("query", "query { project(id: 5) { id unknownField } }")));
		results.add(exchange(userToken, Map.of("query", "query($id: ID!) { project(id: $id) { id } }")));
		results.add(exchange(userToken, Map.of("query", "query { projects(first: \"many\") { totalCount } }")));

		for (EntityResult result : results) {
			assertThat(result.status()).as("status of %s", result.body()).isIn(200, 400);
			if (result.status() == 200) {
				assertThat(JSON.parse(result.body()).read("$.errors", List.class)).as("errors of %s", result.body())
					.isNotEmpty();
			}
		}
	}

	private DocumentContext post(String token, String document) {
		return post(token, document, Map.of());
	}

	private DocumentContext post(String token, String document, Map<String, Object> variables) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("query", document);
		request.put("variables", variables);
		EntityResult result = exchange(token, request);
		assertThat(result.status()).as("HTTP status of %s", document).isEqualTo(200);
		return JSON.parse(result.body());
	}

	private EntityResult exchange(String token, Map<String, Object> request) {
		WebTestClient.RequestBodySpec spec = client.post().contentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			spec = spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return record(spec.bodyValue(request).exchange());
	}

	private EntityResult exchangeRaw(String body) {
		return record(client.post()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken)
			.bodyValue(body)
			.exchange());
	}

	private static EntityResult record(WebTestClient.ResponseSpec response) {
		var result = response.expectBody(String.class).returnResult();
		String body = result.getResponseBody() == null ? "" : result.getResponseBody();
		BODIES.add(body);
		return new EntityResult(result.getStatus().value(), body);
	}

	private static void assertSingleError(DocumentContext reply, String classification, String field) {
		String json = reply.jsonString();
		List<Map<String, Object>> errors = reply.read("$.errors");
		assertThat(errors).as("errors of %s", json).hasSize(1);
		Map<String, Object> extensions = reply.read("$.errors[0].extensions");
		assertThat(extensions).as("extensions of %s", json).containsEntry("classification", classification);
		if (field != null) {
			assertThat(extensions).as("extensions of %s", json).containsEntry("field", field);
		}
		Object data = reply.read("$.data");
		if (data instanceof Map<?, ?> fields) {
			assertThat(fields.values()).as("data of %s", json).containsOnlyNulls();
		}
	}

	/** An HTTP status and the raw response body. */
	private record EntityResult(int status, String body) {
	}

}

package dev.devguide.cockpit.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queries over GET (the GraphQL over HTTP specification) and Apollo's automatic persisted
 * queries over POST and GET, and the refusal of {@code @defer}, through the real server.
 */
@IntegrationTest
class GetAndPersistedQueryIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PROJECT = "query One($id: ID!) { project(id: $id) { id name } }";

	@Autowired
	TestUsers users;

	String owner;

	String token;

	String project;

	@BeforeEach
	void setUp() {
		owner = "get-" + UUID.randomUUID();
		token = users.token(owner, List.of("user"));
		project = new Fixtures(users.user(owner)).project("over GET");
	}

	@Test
	void answersAQueryOverGetWithVariablesAndOperationName() {
		get(Map.of("query", PROJECT + " query Other { projects { totalCount } }", "variables",
				json(Map.of("id", project)), "operationName", "One"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.project.name")
			.isEqualTo("over GET");
	}

	@Test
	void getIsAuthenticatedLikePost() {
		client().get()
			.uri(uri -> uri.path("/graphql").queryParam("query", "{q}").build("{ projects { totalCount } }"))
			.exchange()
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("UNAUTHORIZED");
	}

	@Test
	void refusesMutationsAndSubscriptionsOverGetWith405() {
		String mutation = "mutation { createProject(input: {name: \"by GET\"}) { id } }";
		get(Map.of("query", mutation)).expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.valueEquals("Allow", "POST")
			.expectBody()
			.jsonPath("$.errors[0].message")
			.value(String.class, message -> assertThat(message).contains("POST"));
		get(Map.of("query", "subscription { syncBufferStatusChanged(projectId: \"" + project + "\") { cursor } }"))
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectBody()
			.jsonPath("$.errors[0].message")
			.value(String.class, message -> assertThat(message).contains("WebSocket"));
		// nothing was created
		users.user(owner)
			.document("{ projects { totalCount } }")
			.execute()
			.path("projects.totalCount")
			.entity(Integer.class)
			.isEqualTo(1);
	}

	@Test
	void refusesVariablesThatAreNotAJsonObject() {
		get(Map.of("query", PROJECT, "variables", "{not json")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("The variables parameter must be a JSON object");
	}

	@Test
	void persistedQueryUnknownThenRegisteredThenByHashOverPostAndGet() {
		String query = "query Named($id: ID!) { project(id: $id) { name } } # " + UUID.randomUUID();
		Map<String, Object> extensions = persisted(PersistedQueries.sha256(query));
		Map<String, Object> variables = Map.of("id", project);

		post(Map.of("variables", variables, "extensions", extensions)).expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("PersistedQueryNotFound")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND")
			.jsonPath("$.data")
			.doesNotExist();
		post(Map.of("query", query, "variables", variables, "extensions", extensions)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.project.name")
			.isEqualTo("over GET");
		post(Map.of("variables", variables, "extensions", extensions)).expectBody()
			.jsonPath("$.data.project.name")
			.isEqualTo("over GET");
		get(Map.of("variables", json(variables), "extensions", json(extensions))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.project.name")
			.isEqualTo("over GET");
	}

	@Test
	void persistedQueryOverGetFirst() {
		String query = "{ projects { totalCount } } # " + UUID.randomUUID();
		String extensions = json(persisted(PersistedQueries.sha256(query)));
		get(Map.of("extensions", extensions)).expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("PersistedQueryNotFound");
		get(Map.of("query", query, "extensions", extensions)).expectBody()
			.jsonPath("$.data.projects.totalCount")
			.isEqualTo(1);
		get(Map.of("extensions", extensions)).expectBody().jsonPath("$.data.projects.totalCount").isEqualTo(1);
	}

	@Test
	void aRegisteredMutationIsStillRefusedOverGet() {
		String mutation = "mutation { createProject(input: {name: \"persisted\"}) { id } } # " + UUID.randomUUID();
		Map<String, Object> extensions = persisted(PersistedQueries.sha256(mutation));
		post(Map.of("query", mutation, "extensions", extensions)).expectBody()
			.jsonPath("$.data.createProject.id")
			.exists();
		get(Map.of("extensions", json(extensions))).expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
	}

	@Test
	void aHashThatIsNotTheQuerysIsABadRequest() {
		String other = PersistedQueries.sha256("{ projects { totalCount } } # other");
		post(Map.of("query", "{ projects { totalCount } }", "extensions", persisted(other))).expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].message")
			.value(String.class, message -> assertThat(message).contains("is not the SHA-256 hash of the query"))
			.jsonPath("$.data")
			.doesNotExist();
		post(Map.of("query", "{ projects { totalCount } }", "extensions",
				Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", other))))
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("extensions.persistedQuery.version must be 1");
	}

	@Test
	void deferIsRefusedRatherThanIgnored() {
		post(Map.of("query", "{ projects { edges { node { id ... @defer { name } } } } }")).expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].message")
			.value(String.class, message -> assertThat(message).startsWith("@defer is not supported"))
			.jsonPath("$.data")
			.doesNotExist();
	}

	private static Map<String, Object> persisted(String hash) {
		return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
	}

	private static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	private WebTestClient.ResponseSpec get(Map<String, String> parameters) {
		return client().get().uri(uri -> {
			UriBuilder builder = uri.path("/graphql");
			// as values of a template, so that braces and quotes are encoded
			parameters.keySet().forEach(name -> builder.queryParam(name, "{" + name + "}"));
			return builder.build(parameters);
		}).headers(headers -> headers.setBearerAuth(token)).exchange();
	}

	private WebTestClient.ResponseSpec post(Map<String, Object> body) {
		return client().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.headers(headers -> headers.setBearerAuth(token))
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + users.port())
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

}

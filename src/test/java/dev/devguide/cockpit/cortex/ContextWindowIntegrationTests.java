package dev.devguide.cockpit.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GeneralLog;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Context windows through the API: create, append with eviction of the oldest messages,
 * clear; bad input refused by field; other users refused; concurrent appends losing
 * nothing; {@code Project.contextWindows} in one statement for a page of projects.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class ContextWindowIntegrationTests {

	// language=GraphQL
	private static final String CREATE = """
			mutation($project: ID!, $max: Int) {
			  createContextWindow(projectId: $project, maxTokens: $max) { id projectId currentTokens maxTokens messages { role } }
			}""";

	// language=GraphQL
	private static final String APPEND = """
			mutation($id: ID!, $messages: [ContextMessageInput!]!) {
			  appendContextMessages(id: $id, messages: $messages) {
			    evicted evictedTokens
			    window { id currentTokens maxTokens messages { role content tokens at } }
			  }
			}""";

	// language=GraphQL
	private static final String READ = """
			query($id: ID!) { contextWindow(id: $id) { id currentTokens messages { role content tokens } project { id } } }""";

	@Autowired
	TestUsers users;

	@Autowired
	DatabaseClient db;

	String ownerId;

	HttpGraphQlTester owner;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		ownerId = "windows-" + UUID.randomUUID();
		owner = users.user(ownerId);
		fixtures = new Fixtures(owner);
	}

	@Test
	void appendsEvictTheOldestMessagesFirstAndClearEmptiesTheWindow() {
		String project = fixtures.project();
		Map<String, Object> created = create(project, 10);
		assertThat(created).containsEntry("projectId", project)
			.containsEntry("currentTokens", 0)
			.containsEntry("maxTokens", 10)
			.containsEntry("messages", List.of());
		String id = (String) created.get("id");

		Map<String, Object> first = append(id, List.of(message("USER", "one", 4), message("ASSISTANT", "two", 4)));
		assertThat(first).containsEntry("evicted", 0).containsEntry("evictedTokens", 0);
		assertThat(window(first)).containsEntry("currentTokens", 8);
		assertThat(contents(window(first))).containsExactly("one", "two");
		assertThat((String) messages(window(first)).get(0).get("at")).endsWith("Z");

		Map<String, Object> second = append(id, List.of(message("TOOL", "three", 5)));
		assertThat(second).containsEntry("evicted", 1).containsEntry("evictedTokens", 4);
		assertThat(window(second)).containsEntry("currentTokens", 9);
		assertThat(contents(window(second))).containsExactly("two", "three");
		assertThat(messages(window(second))).extracting(m -> m.get("role")).containsExactly("ASSISTANT", "TOOL");

		Map<String, Object> third = append(id, List.of(message("SYSTEM", "four", 10)));
		assertThat(third).containsEntry("evicted", 2).containsEntry("evictedTokens", 9);
		assertThat(contents(window(third))).containsExactly("four");

		Map<String, Object> read = owner.document(READ)
			.variable("id", id)
			.execute()
			.path("contextWindow")
			.entity(Map.class)
			.get();
		assertThat(read).containsEntry("currentTokens", 10).containsEntry("project", Map.of("id", project));
		assertThat(owner.document("query($id: ID!) { project(id: $id) { contextWindows { id currentTokens } } }")
			.variable("id", project)
			.execute()
			.path("project.contextWindows")
			.entityList(Map.class)
			.get()).containsExactly(Map.of("id", id, "currentTokens", 10));

		owner
			.document(
					"mutation($id: ID!) { clearContextWindow(id: $id) { currentTokens maxTokens messages { role } } }")
			.variable("id", id)
			.execute()
			.path("clearContextWindow")
			.entity(Map.class)
			.isEqualTo(Map.of("currentTokens", 0, "maxTokens", 10, "messages", List.of()));
		assertThat(storedTokens(id)).isEqualTo(List.of(0, "[]"));
		assertThat(audit(id)).containsExactly("context_window.create:success", "context_window.append:success",
				"context_window.append:success", "context_window.append:success", "context_window.clear:success");
	}

	@Test
	void badInputIsABadRequestNamingTheFieldAndChangesNothing() {
		String project = fixtures.project();
		Errors.expect(creating(project, 0), "BAD_REQUEST", "maxTokens", "must be between 1 and 2000000");
		Errors.expect(creating(project, 2_000_001), "BAD_REQUEST", "maxTokens", null);
		String id = (String) create(project, 20).get("id");
		append(id, List.of(message("USER", "kept", 2)));

		Errors.expect(appending(id, List.of(message("USER", "a", 1), message("USER", "b", 1), message("USER", "c", 0))),
				"BAD_REQUEST", "messages[2].tokens", "must be between 1");
		Errors.expect(appending(id, List.of(message("USER", "a", 1), message("USER", "   ", 1))), "BAD_REQUEST",
				"messages[1].content", "must not be blank");
		Errors.expect(appending(id, List.of(message("USER", "x".repeat(70_000), 1))), "BAD_REQUEST",
				"messages[0].content", "must be at most 65535");
		Errors.expect(appending(id, List.of()), "BAD_REQUEST", "messages", "1 to 100 items");
		List<Map<String, Object>> many = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			many.add(message("USER", "m" + i, 1));
		}
		Errors.expect(appending(id, many), "BAD_REQUEST", "messages", "1 to 100 items");
		Errors.expect(appending(id, List.of(message("USER", "big", 15), message("ASSISTANT", "bigger", 6))),
				"BAD_REQUEST", "messages", "more than the window's maxTokens of 20");

		assertThat(contents(
				owner.document(READ).variable("id", id).execute().path("contextWindow").entity(Map.class).get()))
			.containsExactly("kept");
		assertThat(storedTokens(id).get(0)).isEqualTo(2);
		assertThat(audit(id)).containsExactly("context_window.create:success", "context_window.append:success",
				"context_window.append:failure", "context_window.append:failure", "context_window.append:failure",
				"context_window.append:failure", "context_window.append:failure", "context_window.append:failure");
	}

	@Test
	void anotherUserCanNeitherReadNorChangeAWindowButAnAdminCan() {
		String id = (String) create(fixtures.project(), 100).get("id");
		append(id, List.of(message("USER", "private", 1)));
		HttpGraphQlTester stranger = users.user("stranger-" + UUID.randomUUID());
		Errors.expectNotFound(stranger.document(READ).variable("id", id).execute(), "ContextWindow", id);
		Errors.expect(stranger.document(APPEND)
			.variable("id", id)
			.variable("messages", List.of(message("USER", "x", 1)))
			.execute(), "NOT_FOUND", null, "ContextWindow " + id + " does not exist");
		Errors.expect(stranger.document("mutation($id: ID!) { clearContextWindow(id: $id) { id } }")
			.variable("id", id)
			.execute(), "NOT_FOUND", null, "ContextWindow " + id + " does not exist");
		Errors.expect(owner.document(READ).variable("id", UUID.randomUUID().toString()).execute(), "NOT_FOUND", null,
				null);
		HttpGraphQlTester admin = users.admin("admin-" + UUID.randomUUID());
		assertThat(contents(
				admin.document(READ).variable("id", id).execute().path("contextWindow").entity(Map.class).get()))
			.containsExactly("private");
		assertThat(storedTokens(id).get(0)).isEqualTo(1);
	}

	@Test
	void concurrentAppendsLoseNoMessage() {
		String id = (String) create(fixtures.project(), 10_000).get("id");
		List<Map<String, Object>> responses = concurrently(id, 16, 3);
		assertThat(responses).allSatisfy(response -> assertThat(response).doesNotContainKey("errors"));
		Map<String, Object> window = owner.document(READ)
			.variable("id", id)
			.execute()
			.path("contextWindow")
			.entity(Map.class)
			.get();
		List<String> contents = contents(window);
		assertThat(contents).hasSize(48).doesNotHaveDuplicates();
		for (int caller = 0; caller < 16; caller++) {
			int at = contents.indexOf("c" + caller + "-m0");
			assertThat(contents.subList(at, at + 3)).as("one append's messages stay together, in order")
				.containsExactly("c" + caller + "-m0", "c" + caller + "-m1", "c" + caller + "-m2");
		}
		assertThat(window.get("currentTokens")).isEqualTo(sum(window));
		assertThat(storedTokens(id).get(0)).isEqualTo(sum(window));
	}

	@Test
	void concurrentAppendsPastTheBudgetAccountForEveryMessageAsKeptOrEvicted() {
		String id = (String) create(fixtures.project(), 40).get("id");
		List<Map<String, Object>> responses = concurrently(id, 16, 2);
		assertThat(responses).allSatisfy(response -> assertThat(response).doesNotContainKey("errors"));
		int evicted = responses.stream()
			.mapToInt(response -> (Integer) ((Map<String, Object>) ((Map<String, Object>) response.get("data"))
				.get("appendContextMessages")).get("evicted"))
			.sum();
		Map<String, Object> window = owner.document(READ)
			.variable("id", id)
			.execute()
			.path("contextWindow")
			.entity(Map.class)
			.get();
		assertThat(messages(window).size() + evicted).as("kept + evicted = every message appended").isEqualTo(32);
		assertThat(sum(window)).isLessThanOrEqualTo(40).isGreaterThan(40 - 6);
		assertThat(window.get("currentTokens")).isEqualTo(sum(window));
		assertThat(storedTokens(id).get(0)).isEqualTo(sum(window));
	}

	@Test
	void projectContextWindowsOfAPageOfProjectsIsOneStatementReadingOnlyTheSelectedColumns() {
		List<String> projects = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String project = fixtures.project();
			projects.add(project);
			create(project, 50);
			create(project, 60);
		}
		List<Map<String, Object>> nodes = new ArrayList<>();
		List<String> statements = GeneralLog.statementsWhile(db, "%FROM context_windows%",
				() -> nodes.addAll(owner.document("""
						{ projects(first: 10) { edges { node { id contextWindows { maxTokens projectId } } } } }""")
					.execute()
					.path("projects.edges[*].node")
					.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
					})
					.get()));
		assertThat(nodes).hasSize(3)
			.allSatisfy(node -> assertThat((List<Map<String, Object>>) node.get("contextWindows"))
				.extracting(window -> window.get("projectId"))
				.containsOnly(node.get("id"))
				.hasSize(2));
		assertThat(statements).singleElement()
			.satisfies(sql -> assertThat(sql).contains("max_tokens")
				.doesNotContain("conversation_history")
				.doesNotContain("current_tokens"));
	}

	/** {@code callers} appends of {@code each} messages of 3 tokens, sent at once. */
	private List<Map<String, Object>> concurrently(String id, int callers, int each) {
		WebClient client = WebClient.builder()
			.baseUrl("http://localhost:" + users.port() + "/graphql")
			.defaultHeader("Authorization", "Bearer " + users.token(ownerId, List.of("user")))
			.build();
		return Flux.range(0, callers).flatMap(caller -> {
			List<Map<String, Object>> messages = new ArrayList<>();
			for (int m = 0; m < each; m++) {
				messages.add(message("USER", "c" + caller + "-m" + m, 3));
			}
			Map<String, Object> body = Map.of("query", APPEND, "variables", Map.of("id", id, "messages", messages));
			return client.post().bodyValue(body).retrieve().bodyToMono(Map.class);
		}, callers).map(response -> (Map<String, Object>) response).collectList().block(Duration.ofSeconds(60));
	}

	private Map<String, Object> create(String project, int maxTokens) {
		return creating(project, maxTokens).path("createContextWindow").entity(Map.class).get();
	}

	private GraphQlTester.Response creating(String project, int maxTokens) {
		return owner.document(CREATE).variable("project", project).variable("max", maxTokens).execute();
	}

	private Map<String, Object> append(String id, List<Map<String, Object>> messages) {
		return appending(id, messages).path("appendContextMessages").entity(Map.class).get();
	}

	private GraphQlTester.Response appending(String id, List<Map<String, Object>> messages) {
		return owner.document(APPEND).variable("id", id).variable("messages", messages).execute();
	}

	private static Map<String, Object> message(String role, String content, int tokens) {
		return Map.of("role", role, "content", content, "tokens", tokens);
	}

	private static Map<String, Object> window(Map<String, Object> payload) {
		return (Map<String, Object>) payload.get("window");
	}

	private static List<Map<String, Object>> messages(Map<String, Object> window) {
		return (List<Map<String, Object>>) window.get("messages");
	}

	private static List<String> contents(Map<String, Object> window) {
		return messages(window).stream().map(m -> (String) m.get("content")).toList();
	}

	private static int sum(Map<String, Object> window) {
		return messages(window).stream().mapToInt(m -> (Integer) m.get("tokens")).sum();
	}

	/** current_tokens and, when empty, the stored history text. */
	private List<Object> storedTokens(String id) {
		return db
			.sql("SELECT current_tokens, JSON_LENGTH(conversation_history) AS n FROM context_windows WHERE id = :id")
			.bind("id", id)
			.map(row -> {
				Integer tokens = row.get("current_tokens", Integer.class);
				Long n = row.get("n", Long.class);
				return List.<Object>of(tokens, n != null && n == 0 ? "[]" : n);
			})
			.one()
			.block();
	}

	private List<String> audit(String id) {
		return db.sql("SELECT CONCAT(action, ':', status) AS a FROM audit_logs WHERE resource_id = :id ORDER BY id")
			.bind("id", id)
			.map(row -> row.get("a", String.class))
			.all()
			.collectList()
			.block();
	}

}

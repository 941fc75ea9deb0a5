package dev.devguide.cockpit.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * The response cache through the API: shared across users without showing the prompt,
 * replaced only by its author or an admin, hits counted atomically under concurrency,
 * listing and eviction for admins only, bad input refused by field.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class CachedResponseIntegrationTests {

	// language=GraphQL
	private static final String LOOKUP = """
			query($prompt: String!, $provider: String!) {
			  cachedResponse(prompt: $prompt, provider: $provider) { id promptHash prompt response provider hitCount createdAt }
			}""";

	// language=GraphQL
	private static final String STORE = """
			mutation($prompt: String!, $provider: String!, $response: JSON!) {
			  cacheResponse(prompt: $prompt, provider: $provider, response: $response) {
			    id promptHash prompt response provider hitCount createdAt
			  }
			}""";

	// language=GraphQL
	private static final String LIST = """
			query($provider: String, $first: Int, $after: String) {
			  cachedResponses(provider: $provider, first: $first, after: $after) {
			    totalCount edges { node { id prompt provider createdAt } } pageInfo { hasNextPage endCursor }
			  }
			}""";

	// language=GraphQL
	private static final String EVICT = "mutation($t: DateTime!) { evictCachedResponses(olderThan: $t) }";

	@Autowired
	TestUsers users;

	@Autowired
	DatabaseClient db;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	HttpGraphQlTester alice;

	HttpGraphQlTester bob;

	@BeforeEach
	void setUp() {
		alice = users.user("alice-" + run);
		bob = users.user("bob-" + run);
	}

	@Test
	void anotherUserFindsTheEntryByTheSamePromptButNeverSeesThePrompt() throws Exception {
		String prompt = "  What is the capital of France? " + run + "  ";
		Map<String, Object> stored = store(alice, prompt, "anthropic", Map.of("text", "Paris"));
		String trimmed = prompt.strip();
		assertThat(stored).containsEntry("promptHash", sha256("anthropic\n" + trimmed))
			.containsEntry("prompt", null)
			.containsEntry("hitCount", 0)
			.containsEntry("response", Map.of("text", "Paris"));

		Map<String, Object> hit = lookup(bob, trimmed, "anthropic");
		assertThat(hit).containsEntry("id", stored.get("id"))
			.containsEntry("response", Map.of("text", "Paris"))
			.containsEntry("prompt", null)
			.containsEntry("hitCount", 1);
		// another provider, another prompt, the hash instead of the prompt: misses
		missing(bob, trimmed, "openai");
		missing(bob, trimmed + "!", "anthropic");
		missing(bob, (String) stored.get("promptHash"), "anthropic");
		Map<String, Object> asAdmin = lookup(admin(), trimmed, "anthropic");
		assertThat(asAdmin).containsEntry("prompt", trimmed).containsEntry("hitCount", 2);
		assertThat(hits((String) stored.get("id"))).isEqualTo(2);
	}

	@Test
	void onlyTheAuthorOrAnAdminReplacesAnEntry() {
		String prompt = "replace me " + run;
		String id = (String) store(alice, prompt, "anthropic", Map.of("v", 1)).get("id");
		lookup(bob, prompt, "anthropic");

		Errors.expect(storing(bob, prompt, "anthropic", Map.of("v", "poisoned")), "FORBIDDEN", null,
				"only they or an admin may replace it");
		assertThat(lookup(bob, prompt, "anthropic")).containsEntry("response", Map.of("v", 1))
			.containsEntry("hitCount", 2);

		Map<String, Object> replaced = store(alice, prompt, "anthropic", Map.of("v", 2));
		assertThat(replaced).containsEntry("id", id)
			.containsEntry("response", Map.of("v", 2))
			.containsEntry("hitCount", 0);
		assertThat(store(admin(), prompt, "anthropic", Map.of("v", 3))).containsEntry("id", id)
			.containsEntry("prompt", prompt);
		assertThat(lookup(bob, prompt, "anthropic")).containsEntry("response", Map.of("v", 3));
		assertThat(db
			.sql("SELECT CONCAT(action, ':', status, ':', COALESCE(resource_id, '-')) AS a FROM audit_logs "
					+ "WHERE action = 'cached_response.store' AND user_id IN (:users) ORDER BY id")
			.bind("users", List.of("alice-" + run, "bob-" + run))
			.map(row -> row.get("a", String.class))
			.all()
			.collectList()
			.block()).containsExactly("cached_response.store:success:" + id, "cached_response.store:failure:-",
					"cached_response.store:success:" + id);
	}

	@Test
	void concurrentHitsAreAllCounted() {
		String prompt = "popular " + run;
		String id = (String) store(alice, prompt, "anthropic", Map.of("text", "yes")).get("id");
		WebClient client = WebClient.builder()
			.baseUrl("http://localhost:" + users.port() + "/graphql")
			.defaultHeader("Authorization", "Bearer " + users.token("bob-" + run, List.of("user")))
			.build();
		Map<String, Object> body = Map.of("query", LOOKUP, "variables",
				Map.of("prompt", prompt, "provider", "anthropic"));
		List<Integer> counts = Flux.range(0, 20)
			.flatMap(i -> client.post().bodyValue(body).retrieve().bodyToMono(Map.class), 20)
			.map(response -> (Integer) ((Map<String, Object>) ((Map<String, Object>) response.get("data"))
				.get("cachedResponse")).get("hitCount"))
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(counts).as("each hit sees its own count")
			.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
		assertThat(hits(id)).isEqualTo(20);
	}

	@Test
	void listingAndEvictionAreForAdminsOnly() {
		String provider = "provider-" + run;
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add((String) store(alice, "prompt " + i + " " + run, provider, Map.of("i", i)).get("id"));
		}
		Errors.expect(alice.document(LIST).variable("provider", provider).execute(), "FORBIDDEN", null, "Only admins");
		Errors.expect(alice.document(EVICT).variable("t", "2100-01-01T00:00:00Z").execute(), "FORBIDDEN", null,
				"Only admins");
		assertThat(hits(ids.get(0))).as("nothing was evicted").isZero();

		Map<String, Object> first = admin().document(LIST)
			.variable("provider", provider)
			.variable("first", 2)
			.execute()
			.path("cachedResponses")
			.entity(Map.class)
			.get();
		assertThat(first).containsEntry("totalCount", 3);
		assertThat(nodes(first)).extracting(node -> node.get("id")).containsExactly(ids.get(2), ids.get(1));
		assertThat(nodes(first).get(0)).containsEntry("prompt", "prompt 2 " + run);
		String after = (String) ((Map<String, Object>) first.get("pageInfo")).get("endCursor");
		Map<String, Object> second = admin().document(LIST)
			.variable("provider", provider)
			.variable("first", 2)
			.variable("after", after)
			.execute()
			.path("cachedResponses")
			.entity(Map.class)
			.get();
		assertThat(nodes(second)).extracting(node -> node.get("id")).containsExactly(ids.get(0));

		String newest = (String) nodes(first).get(0).get("createdAt");
		Long removed = admin().document(EVICT)
			.variable("t", newest)
			.execute()
			.path("evictCachedResponses")
			.entity(Long.class)
			.get();
		assertThat(removed).isGreaterThanOrEqualTo(2);
		assertThat(admin().document(LIST)
			.variable("provider", provider)
			.execute()
			.path("cachedResponses.edges[*].node.id")
			.entityList(String.class)
			.get()).containsExactly(ids.get(2));
	}

	@Test
	void badInputIsABadRequestNamingTheFieldAndStoresNothing() {
		String prompt = "bad " + run;
		Errors.expect(storing(alice, prompt, "anth\nropic", Map.of()), "BAD_REQUEST", "provider", "control characters");
		Errors.expect(storing(alice, "   ", "anthropic", Map.of()), "BAD_REQUEST", "prompt", "must not be blank");
		Errors.expect(storing(alice, prompt, "p".repeat(101), Map.of()), "BAD_REQUEST", "provider", "100 characters");
		Map<String, Object> deep = Map.of();
		for (int i = 0; i < 31; i++) {
			deep = Map.of("d", deep);
		}
		Errors.expect(storing(alice, prompt, "anthropic", deep), "BAD_REQUEST", "response", "30 levels");
		Errors.expect(alice.document(LOOKUP).variable("prompt", prompt).variable("provider", "a\tb").execute(),
				"BAD_REQUEST", "provider", null);
		assertThat(db.sql("SELECT COUNT(*) AS n FROM cached_responses WHERE prompt = :p")
			.bind("p", prompt)
			.map(row -> row.get("n", Long.class))
			.one()
			.block()).isZero();
	}

	private Map<String, Object> store(HttpGraphQlTester tester, String prompt, String provider, Object response) {
		return storing(tester, prompt, provider, response).path("cacheResponse").entity(Map.class).get();
	}

	private GraphQlTester.Response storing(HttpGraphQlTester tester, String prompt, String provider, Object response) {
		return tester.document(STORE)
			.variable("prompt", prompt)
			.variable("provider", provider)
			.variable("response", response)
			.execute();
	}

	private Map<String, Object> lookup(HttpGraphQlTester tester, String prompt, String provider) {
		return tester.document(LOOKUP)
			.variable("prompt", prompt)
			.variable("provider", provider)
			.execute()
			.path("cachedResponse")
			.entity(Map.class)
			.get();
	}

	private void missing(HttpGraphQlTester tester, String prompt, String provider) {
		tester.document(LOOKUP)
			.variable("prompt", prompt)
			.variable("provider", provider)
			.execute()
			.path("cachedResponse")
			.valueIsNull();
	}

	private HttpGraphQlTester admin() {
		return users.admin("admin-" + run);
	}

	private int hits(String id) {
		return db.sql("SELECT hit_count FROM cached_responses WHERE id = :id")
			.bind("id", id)
			.map(row -> row.get("hit_count", Integer.class))
			.one()
			.block();
	}

	private static List<Map<String, Object>> nodes(Map<String, Object> connection) {
		return ((List<Map<String, Object>>) connection.get("edges")).stream()
			.map(edge -> (Map<String, Object>) edge.get("node"))
			.toList();
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}

package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.ProviderClient.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devguide.cockpit.security.KeyRings;
import dev.devguide.cockpit.security.SealedSecretException;
import dev.devguide.cockpit.security.SealedSecrets;
import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GeneralLog;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDataDirectory;
import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Provider configurations through the API: fallback order through one batch statement,
 * the checks of every field (each a BAD_REQUEST naming it that changes nothing), the
 * unique provider per project, the key sealed under the generated ring and bound to its
 * row, never returned, and removed by null.
 */
@IntegrationTest
class ProviderIntegrationTests {

	@Autowired
	TestUsers users;

	@Autowired
	DatabaseClient db;

	@Autowired
	SealedSecrets secrets;

	HttpGraphQlTester tester;

	ProviderClient owner;

	Fixtures fixtures;

	String project;

	@BeforeEach
	void setUp() {
		tester = users.user("providers-" + UUID.randomUUID());
		owner = new ProviderClient(tester);
		fixtures = new Fixtures(tester);
		project = fixtures.project();
	}

	@Test
	void listsAProjectsProvidersInFallbackOrderWithoutTheirKeys() {
		String key = "sk-ant-fallback-" + UUID.randomUUID();
		owner.configure(project, input("provider", "openai", "model", "gpt-4-turbo", "priority", 2));
		Map<String, Object> first = owner.configure(project, input("provider", "anthropic", "model",
				"claude-sonnet-4-5-20250929", "apiKey", key, "priority", 0, "temperature", 0.3, "maxTokens", 8000));
		owner.configure(project, input("provider", "local", "model", "phi3", "priority", 1, "enabled", false));

		assertThat(first).containsEntry("hasApiKey", true)
			.containsEntry("apiKeyLast4", key.substring(key.length() - 4))
			.containsEntry("apiKeyId", KeyRings.embedded(TestDataDirectory.directory()).primaryId())
			.containsEntry("temperature", 0.3)
			.containsEntry("maxTokens", 8000);
		assertThat(first.get("apiKeySetAt")).isNotNull();
		assertThat(String.valueOf(first)).doesNotContain(key);

		List<Map<String, Object>> providers = owner.providers(project);
		assertThat(providers).extracting(p -> p.get("provider")).containsExactly("anthropic", "local", "openai");
		assertThat(providers.get(2)).containsEntry("hasApiKey", false)
			.containsEntry("apiKeyLast4", null)
			.containsEntry("temperature", 0.7)
			.containsEntry("maxTokens", 4096)
			.containsEntry("enabled", true);
		assertThat(providers.get(1)).containsEntry("enabled", false);
		assertThat(String.valueOf(providers)).doesNotContain(key);
	}

	@Test
	void loadsTheProvidersOfAPageOfProjectsWithOneStatement() {
		List<String> projects = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String id = fixtures.project();
			projects.add(id);
			owner.configure(id, input("provider", "p" + i, "model", "m"));
		}
		List<String> statements = GeneralLog.statementsWhile(db, "%FROM api_configurations%",
				() -> assertThat(
						tester.document("{ projects(first: 50) { edges { node { id providers { provider } } } } }")
							.execute()
							.path("projects.edges[*].node.providers[*].provider")
							.entityList(String.class)
							.get())
					.containsExactlyInAnyOrder("p0", "p1", "p2", "p3"));
		assertThat(statements).as("one batch statement for every project's providers").hasSize(1);
	}

	@Test
	void refusesBadValuesNamingTheFieldAndChangesNothing() {
		Map<String, Object> existing = owner.configure(project, input("provider", "anthropic", "model", "m"));
		Errors.expect(owner.configuring(project, input("provider", "x", "model", "m", "temperature", 2.01)),
				"BAD_REQUEST", "input.temperature", "between 0 and 2");
		Errors.expect(owner.configuring(project, input("provider", "x", "model", "m", "temperature", 0.705)),
				"BAD_REQUEST", "input.temperature", "2 decimals");
		Errors.expect(owner.configuring(project, input("provider", "x", "model", "m", "temperature", -0.1)),
				"BAD_REQUEST", "input.temperature", null);
		Errors.expect(owner.configuring(project, input("provider", "x", "model", "m", "maxTokens", 0)), "BAD_REQUEST",
				"input.maxTokens", "at least 1");
		Errors.expect(owner.configuring(project, input("provider", "x", "model", "m", "priority", -1)), "BAD_REQUEST",
				"input.priority", null);
		Errors.expect(owner.configuring(project, input("provider", "x", "model", "m", "apiKey", "short")),
				"BAD_REQUEST", "input.apiKey", "at least 16");
		Errors.expect(owner.configuring(project, input("provider", "x")), "BAD_REQUEST", "input.model", null);
		Errors.expect(owner.configuring(project, input("provider", "anthropic", "model", "other")), "BAD_REQUEST",
				"input.provider", "already has");
		String id = (String) existing.get("id");
		owner.configure(project, input("provider", "openai", "model", "m"));
		Errors.expect(owner.updating(id, input("provider", "openai")), "BAD_REQUEST", "input.provider", "already has");
		Errors.expect(owner.updating(id, input("temperature", 3)), "BAD_REQUEST", "input.temperature", null);
		Errors.expect(owner.updating(id, input("model", null)), "BAD_REQUEST", "input.model", null);

		List<Map<String, Object>> after = owner.providers(project);
		assertThat(after).extracting(p -> p.get("provider")).containsExactly("anthropic", "openai");
		assertThat(after.get(0)).containsEntry("model", "m").containsEntry("temperature", 0.7);
	}

	@Test
	void updatesReplacesAndRemovesTheKeyAndRemovesTheConfiguration() {
		String firstKey = "sk-first-" + UUID.randomUUID();
		String id = (String) owner.configure(project, input("provider", "azure", "model", "m", "apiKey", firstKey))
			.get("id");
		Map<String, Object> changed = owner.update(id, input("model", "gpt-4o", "temperature", 1.25, "priority", 5));
		assertThat(changed).containsEntry("model", "gpt-4o")
			.containsEntry("temperature", 1.25)
			.containsEntry("priority", 5)
			.containsEntry("hasApiKey", true)
			.containsEntry("apiKeyLast4", firstKey.substring(firstKey.length() - 4));

		String secondKey = "sk-second-" + UUID.randomUUID();
		assertThat(owner.update(id, input("apiKey", secondKey))).containsEntry("apiKeyLast4",
				secondKey.substring(secondKey.length() - 4));
		assertThat(secrets.open(storedKey(id), binding(id))).isEqualTo(secondKey);

		assertThat(owner.update(id, input("apiKey", null))).containsEntry("hasApiKey", false)
			.containsEntry("apiKeyLast4", null)
			.containsEntry("apiKeyId", null);
		assertThat(new TestDatabase(db).rows("SELECT api_key_encrypted FROM api_configurations WHERE id = :id",
				Map.of("id", id)))
			.singleElement()
			.satisfies(row -> assertThat(row.get("api_key_encrypted")).isNull());

		owner.removing(id).path("removeProvider").entity(String.class).isEqualTo(id);
		assertThat(owner.providers(project)).isEmpty();
		Errors.expect(owner.removing(id), "NOT_FOUND", null, null);
		Errors.expectNotFound(users.user("stranger-" + UUID.randomUUID())
			.document("mutation($p: ID!) { configureProvider(projectId: $p, input: {provider: \"a\", model: \"m\"}) "
					+ "{ id } }")
			.variable("p", project)
			.execute(), "Project", project);
	}

	@Test
	void aSealedKeyCopiedIntoAnotherRowDoesNotOpen() {
		String keyA = "sk-row-a-" + UUID.randomUUID();
		String a = (String) owner.configure(project, input("provider", "a", "model", "m", "apiKey", keyA)).get("id");
		String b = (String) owner.configure(project, input("provider", "b", "model", "m", "apiKey", "sk-row-b-" + a))
			.get("id");
		assertThat(new String(storedKey(a), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(keyA);
		assertThat(secrets.open(storedKey(a), binding(a))).isEqualTo(keyA);

		db.sql("UPDATE api_configurations SET api_key_encrypted = :sealed WHERE id = :b")
			.bind("sealed", storedKey(a))
			.bind("b", b)
			.then()
			.block();

		byte[] copied = storedKey(b);
		assertThat(copied).isEqualTo(storedKey(a));
		assertThatThrownBy(() -> secrets.open(copied, binding(b))).isInstanceOf(SealedSecretException.class)
			.hasMessageContaining("does not open")
			.hasMessageNotContaining(keyA);
	}

	private byte[] storedKey(String id) {
		return db.sql("SELECT api_key_encrypted FROM api_configurations WHERE id = :id")
			.bind("id", id)
			.map(row -> row.get("api_key_encrypted", byte[].class))
			.one()
			.block();
	}

	private static SealedSecrets.Binding binding(String id) {
		return new SealedSecrets.Binding("api_configurations", "api_key_encrypted", id);
	}

}

package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.ProviderClient.input;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.CockpitApplication;
import dev.devguide.cockpit.persistence.DatabaseEndpoint;
import dev.devguide.cockpit.persistence.Migrations;
import dev.devguide.cockpit.security.KeyRing;
import dev.devguide.cockpit.security.SealedSecrets;
import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The key ring beyond the embedded default: an external database without COCKPIT_KEYS
 * starts and refuses to store secrets, saying what to configure; {@code keys rotate}
 * seals every row under the new primary, batch by batch, and can stop and run again; the
 * admins' rotateProviderKeys names a row it cannot open.
 */
@IntegrationTest
class ProviderKeysIntegrationTests {

	private static final String SECRET = "test-secret-for-the-integration-tests-only-0123456789";

	@Autowired
	DatabaseEndpoint embedded;

	@Autowired
	DatabaseClient db;

	@Autowired
	TestUsers users;

	@Autowired
	SealedSecrets secrets;

	@Test
	void anExternalDatabaseWithoutKeysStartsAndRefusesToStoreSecrets() {
		String schema = fresh("cockpit_no_keys");
		// The schema is the test's fixture: brought up to date directly, as the rotation
		// test does (an external database's own start-up applies only approved
		// changesets).
		new Migrations(
				new DatabaseEndpoint(embedded.host(), embedded.port(), schema, embedded.user(), embedded.password()))
			.apply();
		try (ConfigurableApplicationContext server = new SpringApplication(CockpitApplication.class).run(
				"--server.port=0", "--cockpit.db.url=" + url(schema), "--cockpit.db.user=" + embedded.user(),
				"--cockpit.db.password=" + embedded.password(), "--cockpit.jwt.secret=" + SECRET,
				"--cockpit.keys.ring=")) {
			String base = "http://localhost:" + server.getEnvironment().getProperty("local.server.port") + "/graphql";
			HttpGraphQlTester anonymous = HttpGraphQlTester
				.create(WebTestClient.bindToServer().baseUrl(base).responseTimeout(Duration.ofSeconds(30)).build());
			HttpGraphQlTester user = anonymous.mutate()
				.header("Authorization", "Bearer " + users.token("no-keys-user", List.of("user")))
				.build();
			HttpGraphQlTester admin = anonymous.mutate()
				.header("Authorization", "Bearer " + users.token("no-keys-admin", List.of("user", "admin")))
				.build();
			ProviderClient providers = new ProviderClient(user);
			String project = new Fixtures(user).project();

			Errors.expect(
					providers.configuring(project,
							input("provider", "anthropic", "model", "m", "apiKey", "sk-no-ring-0123456789")),
					"BAD_REQUEST", "input.apiKey", "Set COCKPIT_KEYS");
			assertThat(providers.providers(project)).isEmpty();
			assertThat(providers.configure(project, input("provider", "anthropic", "model", "m")))
				.containsEntry("hasApiKey", false);

			String tool = new ToolClient(admin).tool("no-keys-tool", null);
			ToolClient owner = new ToolClient(user);
			Errors.expect(owner.granting(project, tool, input("oauth", input("accessToken", "gho_no_ring_0123"))),
					"BAD_REQUEST", "input.oauth.accessToken", "COCKPIT_KEYS");
			assertThat(owner.grant(project, tool, input("oauth", input("scopes", List.of("repo")))))
				.containsEntry("scopes", List.of("repo"))
				.containsEntry("hasAccessToken", false);
			Errors.expect(admin.document("mutation { rotateProviderKeys { rotated } }").execute(), "INTERNAL_ERROR",
					null, "COCKPIT_KEYS");
		}
	}

	@Test
	void theCommandLineSealsEveryRowUnderTheNewPrimaryAndCanStopAndRunAgain() {
		String schema = fresh("cockpit_rotation");
		new Migrations(
				new DatabaseEndpoint(embedded.host(), embedded.port(), schema, embedded.user(), embedded.password()))
			.apply();
		KeyRing old = KeyRing.generate("old");
		KeyRing rotated = KeyRing.parse(KeyRing.newEntry("new") + "," + old.format());
		sql(schema, "INSERT INTO %s.projects (id, name, owner_user_id) VALUES ('p', 'p', 'u')");
		sql(schema, "INSERT INTO %s.tool_registry (id, name, category, description, implementation_type, config) "
				+ "VALUES ('t', 't', 'c', 'd', 'api', '{}')");
		for (String id : List.of("a", "b", "c")) {
			insertProvider(schema, id, new SealedSecrets(old), "sk-" + id + "-0123456789abcdef");
		}
		insertProvider(schema, "d", new SealedSecrets(rotated), "sk-d-0123456789abcdef");
		SealedSecrets oldSecrets = new SealedSecrets(old);
		String oauth = "{\"scopes\": [\"repo\"], \"accessToken\": \"" + Base64.getEncoder()
			.encodeToString(oldSecrets.seal("gho-token-e", ToolOAuth.binding("e", "accessToken"), "f")) + "\"}";
		db.sql("INSERT INTO " + schema + ".external_tool_access (id, project_id, tool_id, oauth_config, oauth_key_id) "
				+ "VALUES ('e', 'p', 't', :oauth, 'old')")
			.bind("oauth", oauth)
			.then()
			.block();

		Map<String, String> env = Map.of("COCKPIT_DB_URL", url(schema), "COCKPIT_DB_USER", embedded.user(),
				"COCKPIT_DB_PASSWORD", embedded.password(), "COCKPIT_KEYS", rotated.format());
		assertThat(cli(env, "status")).contains("primary key new").contains("4 rows are sealed under another key");
		assertThat(cli(env, "rotate", "--batch", "1", "--limit", "2")).contains("Done: 2 rows");
		assertThat(keyIds(schema)).containsExactly("new", "new", "old", "new", "old");
		String rest = cli(env, "rotate");
		assertThat(rest).contains("Done: 2 rows").contains("0 remain");
		assertThat(cli(env, "rotate")).contains("Done: 0 rows");
		assertThat(keyIds(schema)).containsOnly("new");

		SealedSecrets onlyNew = new SealedSecrets(KeyRing.parse(rotated.format().split(",")[0]));
		for (String id : List.of("a", "b", "c", "d")) {
			assertThat(onlyNew.open(storedKey(schema, id), providerBinding(id)))
				.isEqualTo("sk-" + id + "-0123456789abcdef");
		}
		String stored = db.sql("SELECT CAST(oauth_config AS CHAR) AS o FROM " + schema + ".external_tool_access")
			.map(row -> row.get("o", String.class))
			.one()
			.block();
		Map<?, ?> config = JsonMapper.builder().build().readValue(stored, Map.class);
		assertThat(config.get("scopes")).isEqualTo(List.of("repo"));
		assertThat(onlyNew.open(Base64.getDecoder().decode((String) config.get("accessToken")),
				ToolOAuth.binding("e", "accessToken")))
			.isEqualTo("gho-token-e");

		StringWriter out = new StringWriter();
		assertThat(ProviderKeysCli.run(List.of("rotate"), Map.of("COCKPIT_DB_URL", url(schema), "COCKPIT_DB_USER",
				embedded.user(), "COCKPIT_DB_PASSWORD", embedded.password()), new PrintWriter(out, true)))
			.isEqualTo(1);
		assertThat(out.toString()).contains("COCKPIT_KEYS is not set");
	}

	@Test
	void adminsRotateThroughTheApiAndARowThatDoesNotOpenIsNamed() {
		HttpGraphQlTester admin = users.admin("rotator-" + UUID.randomUUID());
		String project = new Fixtures(admin).project();
		String id = UUID.randomUUID().toString();
		KeyRing foreign = KeyRing.generate("foreign");
		db.sql("INSERT INTO api_configurations (id, project_id, provider, model, api_key_encrypted, api_key_id) "
				+ "VALUES (:id, :p, 'foreign', 'm', :sealed, 'foreign')")
			.bind("id", id)
			.bind("p", project)
			.bind("sealed", new SealedSecrets(foreign).seal("sk-foreign-0123456789", providerBinding(id), "f"))
			.then()
			.block();
		String rotate = "mutation { rotateProviderKeys(batchSize: 10) { primaryKeyId rotated remaining } }";
		Errors.expect(admin.document(rotate).execute(), "INTERNAL_ERROR", null, "row " + id + " (key id foreign)");
		db.sql("DELETE FROM api_configurations WHERE id = :id").bind("id", id).then().block();

		assertThat(admin.document(rotate).execute().path("rotateProviderKeys").entity(ProviderClient.MAP).get())
			.containsEntry("primaryKeyId", secrets.primaryKeyId())
			.containsEntry("rotated", 0)
			.containsEntry("remaining", 0);
		Errors.expect(users.user("not-admin-" + UUID.randomUUID()).document(rotate).execute(), "FORBIDDEN", null, null);
		Errors.expect(admin.document("mutation { rotateProviderKeys(batchSize: 0) { rotated } }").execute(),
				"BAD_REQUEST", "batchSize", null);
		assertThat(new TestDatabase(db).rows(
				"SELECT status FROM audit_logs WHERE action = 'provider.rotate_keys' AND user_id LIKE 'rotator-%'",
				Map.of()))
			.extracting(row -> row.get("status"))
			.contains("success", "failure");
	}

	private void insertProvider(String schema, String id, SealedSecrets sealer, String key) {
		byte[] sealed = sealer.seal(key, providerBinding(id), "f");
		db.sql("INSERT INTO " + schema + ".api_configurations (id, project_id, provider, model, api_key_encrypted, "
				+ "api_key_id) VALUES (:id, 'p', :id, 'm', :sealed, :keyId)")
			.bind("id", id)
			.bind("sealed", sealed)
			.bind("keyId", SealedSecrets.keyIdOf(sealed))
			.then()
			.block();
	}

	/** The key ids of providers a to d, then of the grant e. */
	private List<String> keyIds(String schema) {
		return db
			.sql("SELECT k FROM (SELECT id, api_key_id AS k FROM " + schema + ".api_configurations UNION ALL "
					+ "SELECT id, oauth_key_id FROM " + schema + ".external_tool_access) t ORDER BY id")
			.map(row -> row.get("k", String.class))
			.all()
			.collectList()
			.block()
			.stream()
			.toList();
	}

	private byte[] storedKey(String schema, String id) {
		return db.sql("SELECT api_key_encrypted FROM " + schema + ".api_configurations WHERE id = :id")
			.bind("id", id)
			.map(row -> row.get("api_key_encrypted", byte[].class))
			.one()
			.block();
	}

	private static SealedSecrets.Binding providerBinding(String id) {
		return new SealedSecrets.Binding("api_configurations", "api_key_encrypted", id);
	}

	private String cli(Map<String, String> env, String... args) {
		StringWriter out = new StringWriter();
		int code = ProviderKeysCli.run(List.of(args), env, new PrintWriter(out, true));
		assertThat(code).as("exit code of keys %s: %s", String.join(" ", args), out).isZero();
		return out.toString();
	}

	private void sql(String schema, String statement) {
		db.sql(String.format(statement, schema)).then().block();
	}

	private String url(String schema) {
		return "r2dbc:mysql://" + embedded.host() + ":" + embedded.port() + "/" + schema + "?sslMode=DISABLED";
	}

	private String fresh(String schema) {
		db.sql("DROP DATABASE IF EXISTS " + schema).then().block();
		db.sql("CREATE DATABASE " + schema).then().block();
		return schema;
	}

}

package dev.devguide.cockpit.extension;

import static dev.devguide.cockpit.extension.ExtensionDashboardIntegrationTests.map;
import static dev.devguide.cockpit.extension.ExtensionDashboardIntegrationTests.module;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.GeneralLog;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Versions of extension dashboards through the real server: SemVer refusals, concurrent
 * publishes of one version (exactly one wins), the versions connection newest first with
 * each version's JSON Patch from the previous one, the current version, rollback as a new
 * patch version, and the audit rows.
 */
@IntegrationTest
class ExtensionVersionIntegrationTests {

	private static final String PUBLISH_VERSION = """
			mutation($id: ID!, $version: String!, $config: JSON!, $changelog: String) {
			  publishExtensionVersion(extensionDashboardId: $id, version: $version, config: $config,
			      changelog: $changelog) {
			    id config currentVersion { version }
			  }
			}""";

	private static final String ROLLBACK = """
			mutation($id: ID!, $version: String!) {
			  rollbackExtensionDashboard(id: $id, version: $version) {
			    config currentVersion { version config changelog createdBy diffFromPrevious }
			  }
			}""";

	private static final String VERSIONS = """
			query($id: ID!, $first: Int, $after: String) {
			  extensionDashboard(id: $id) {
			    currentVersion { version diffFromPrevious }
			    versions(first: $first, after: $after) {
			      totalCount pageInfo { hasNextPage endCursor }
			      edges { node { version changelog createdBy diffFromPrevious } }
			    }
			  }
			}""";

	@Autowired
	DatabaseClient db;

	@Autowired
	TestUsers users;

	String run;

	String author;

	HttpGraphQlTester alice;

	@BeforeEach
	void setUp() {
		run = UUID.randomUUID().toString().substring(0, 8);
		author = "alice-" + run;
		alice = users.user(author);
	}

	@Test
	void aVersionMustBeSemVerAndGreaterThanTheLatest() {
		String id = dashboard();
		Map<String, Object> config = ExtensionConfigSchemaTests.config();
		for (String bad : List.of("1.1", "v1.1.0", "1.1.0.0", "01.1.0")) {
			Errors.expect(publish(alice, id, bad, config), "BAD_REQUEST", "version", "SemVer");
		}
		for (String notGreater : List.of("1.0.0", "0.9.9", "1.0.0-rc.1", "1.0.0+build.7")) {
			Errors.expect(publish(alice, id, notGreater, config), "BAD_REQUEST", "version",
					"greater than the latest version, 1.0.0");
		}
		Map<String, Object> broken = ExtensionConfigSchemaTests.config();
		module(broken, 1).put("position", -2);
		Errors.expect(publish(alice, id, "1.1.0", broken), "BAD_REQUEST", "config.modules[1].position", null);
		assertThat(versionCount(id)).isEqualTo(1);
		assertThat(audit("extension_dashboard.publish_version", id, "failure")).isEqualTo(9);

		publish(alice, id, "1.1.0-rc.1", config).path("publishExtensionVersion.currentVersion.version")
			.entity(String.class)
			.isEqualTo("1.1.0-rc.1");
		publish(alice, id, "1.1.0", config).path("publishExtensionVersion.currentVersion.version")
			.entity(String.class)
			.isEqualTo("1.1.0");
		assertThat(audit("extension_dashboard.publish_version", id, "success")).isEqualTo(2);
	}

	@Test
	void onlyTheAuthorOrAnAdminPublishesVersions() {
		String id = dashboard();
		HttpGraphQlTester bob = users.user("bob-" + run);
		Errors.expect(publish(bob, id, "2.0.0", ExtensionConfigSchemaTests.config()), "NOT_FOUND", null, null);
		users.admin("admin-" + run)
			.document("mutation($id: ID!) { approveExtensionDashboard(id: $id) { id } }")
			.variable("id", id)
			.executeAndVerify();
		Errors.expect(publish(bob, id, "2.0.0", ExtensionConfigSchemaTests.config()), "FORBIDDEN", null, null);
		Errors.expect(bob.document(ROLLBACK).variable("id", id).variable("version", "1.0.0").execute(), "FORBIDDEN",
				null, null);
		publish(users.admin("admin-" + run), id, "2.0.0", ExtensionConfigSchemaTests.config())
			.path("publishExtensionVersion.currentVersion.version")
			.entity(String.class)
			.isEqualTo("2.0.0");
	}

	@Test
	void ofConcurrentPublishesOfOneVersionExactlyOneWins() {
		String id = dashboard();
		int callers = 8;
		WebClient client = WebClient.builder()
			.baseUrl("http://localhost:" + users.port() + "/graphql")
			.defaultHeader("Authorization", "Bearer " + users.token(author, List.of("user")))
			.build();
		List<Map<String, Object>> answers = Flux.range(0, callers).flatMap(caller -> {
			Map<String, Object> config = ExtensionConfigSchemaTests.config();
			config.put("name", "Caller " + caller);
			Map<String, Object> body = Map.of("query", PUBLISH_VERSION, "variables",
					Map.of("id", id, "version", "1.1.0", "config", config));
			return client.post().bodyValue(body).retrieve().bodyToMono(Map.class);
		}, callers).map(this::cast).collectList().block(Duration.ofSeconds(60));
		List<Map<String, Object>> won = answers.stream().filter(answer -> answer.get("data") != null).toList();
		assertThat(won).as("answers %s", answers).hasSize(1);
		List<Object> refusals = answers.stream()
			.filter(answer -> answer.get("data") == null)
			.map(answer -> cast(((List<?>) answer.get("errors")).get(0)).get("extensions"))
			.toList();
		assertThat(refusals).hasSize(callers - 1)
			.allSatisfy(extensions -> assertThat(cast(extensions)).containsEntry("classification", "BAD_REQUEST")
				.containsEntry("field", "version"));
		Map<String, Object> winner = cast(cast(won.get(0).get("data")).get("publishExtensionVersion"));
		List<Map<String, Object>> stored = new TestDatabase(db).rows(
				"SELECT version FROM dashboard_versions WHERE dashboard_id = :id ORDER BY created_at",
				Map.of("id", id));
		assertThat(stored).extracting(row -> row.get("version")).containsExactly("1.0.0", "1.1.0");
		String current = (String) cast(new TestDatabase(db)
			.rows("SELECT JSON_VALUE(config, '$.name') AS name FROM extension_dashboards WHERE id = :id",
					Map.of("id", id))
			.get(0)).get("name");
		assertThat(current).isEqualTo(cast(winner.get("config")).get("name"));
		assertThat(audit("extension_dashboard.publish_version", id, "success")).isEqualTo(1);
		assertThat(audit("extension_dashboard.publish_version", id, "failure")).isEqualTo(callers - 1);
	}

	@Test
	void versionsAreNewestFirstEachWithItsJsonPatchFromThePreviousOne() {
		String id = dashboard();
		Map<String, Object> renamed = ExtensionConfigSchemaTests.config();
		module(renamed, 0).put("name", "Todo");
		publish(alice, id, "1.1.0", renamed, "Renames the checklist").path("publishExtensionVersion.id").hasValue();
		Map<String, Object> smaller = ExtensionConfigSchemaTests.config();
		module(smaller, 0).put("name", "Todo");
		((List<?>) smaller.get("modules")).remove(2);
		publish(alice, id, "2.0.0", smaller, "Drops the file manager").path("publishExtensionVersion.id").hasValue();

		GraphQlTester.Response first = versions(id, 2, null);
		assertThat(nodes(first)).containsExactly(
				map("version", "2.0.0", "changelog", "Drops the file manager", "createdBy", author, "diffFromPrevious",
						List.of(Map.of("op", "remove", "path", "/modules/2"))),
				map("version", "1.1.0", "changelog", "Renames the checklist", "createdBy", author, "diffFromPrevious",
						List.of(Map.of("op", "replace", "path", "/modules/0/name", "value", "Todo"))));
		first.path("extensionDashboard.versions.totalCount").entity(Long.class).isEqualTo(3L);
		first.path("extensionDashboard.versions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("extensionDashboard.currentVersion")
			.entity(Map.class)
			.isEqualTo(Map.of("version", "2.0.0", "diffFromPrevious",
					List.of(Map.of("op", "remove", "path", "/modules/2"))));
		String after = first.path("extensionDashboard.versions.pageInfo.endCursor").entity(String.class).get();
		GraphQlTester.Response second = versions(id, 2, after);
		assertThat(nodes(second)).containsExactly(
				map("version", "1.0.0", "changelog", "First release", "createdBy", author, "diffFromPrevious", null));
		second.path("extensionDashboard.versions.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void aRollbackIsANewPatchVersionNamingTheVersionItRestores() {
		String id = dashboard();
		Map<String, Object> original = ExtensionConfigSchemaTests.config();
		Map<String, Object> changed = ExtensionConfigSchemaTests.config();
		changed.put("layout", Map.of("columns", 1));
		publish(alice, id, "1.2.0", changed, "One column").path("publishExtensionVersion.id").hasValue();

		Map<String, Object> restored = alice.document(ROLLBACK)
			.variable("id", id)
			.variable("version", "1.0.0")
			.execute()
			.path("rollbackExtensionDashboard")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(restored.get("config")).isEqualTo(original);
		Map<String, Object> current = cast(restored.get("currentVersion"));
		assertThat(current).containsEntry("version", "1.2.1")
			.containsEntry("config", original)
			.containsEntry("createdBy", author)
			.containsEntry("diffFromPrevious", List.of(Map.of("op", "replace", "path", "/layout/columns", "value", 3)));
		assertThat((String) current.get("changelog")).contains("version 1.0.0");
		assertThat(nodes(versions(id, 10, null))).extracting(node -> node.get("version"))
			.containsExactly("1.2.1", "1.2.0", "1.0.0");
		assertThat(
				new TestDatabase(db).rows(
						"SELECT JSON_VALUE(config, '$.layout.columns') AS columns "
								+ "FROM dashboard_versions WHERE dashboard_id = :id AND version = '1.2.0'",
						Map.of("id", id)))
			.as("history is never rewritten")
			.containsExactly(Map.of("columns", "1"));

		Errors.expect(alice.document(ROLLBACK).variable("id", id).variable("version", "0.5.0").execute(), "BAD_REQUEST",
				"version", "has no version 0.5.0");
		Errors.expect(publish(alice, id, "1.2.1", original), "BAD_REQUEST", "version", "1.2.1");
		assertThat(audit("extension_dashboard.rollback", id, "success")).isEqualTo(1);
		assertThat(new TestDatabase(db).rows(
				"""
						SELECT JSON_VALUE(metadata, '$.restoredVersion') AS restored, JSON_VALUE(metadata, '$.version') AS version
						FROM audit_logs WHERE action = 'extension_dashboard.rollback' AND resource_id = :id
						AND status = 'success'""",
				Map.of("id", id)))
			.containsExactly(Map.of("restored", "1.0.0", "version", "1.2.1"));
		assertThat(audit("extension_dashboard.rollback", id, "failure")).isEqualTo(1);
	}

	@Test
	void theVersionsOfAPageOfDashboardsAreOneStatement() {
		String extension = "publisher.batched-" + run;
		for (int i = 0; i < 3; i++) {
			Map<String, Object> input = new LinkedHashMap<>(input());
			input.put("extensionId", extension);
			String id = ExtensionDashboardIntegrationTests.id(ExtensionDashboardIntegrationTests.publish(alice, input));
			publish(alice, id, "1.0.1", ExtensionConfigSchemaTests.config());
		}
		List<String> statements = GeneralLog.statementsWhile(db, "%FROM dashboard_versions%", () -> alice.document("""
				query($filter: ExtensionDashboardFilter) {
				  extensionDashboards(filter: $filter) {
				    edges { node { currentVersion { version } versions(first: 5) { edges { node { version } } } } }
				  }
				}""")
			.variable("filter", Map.of("extensionId", extension))
			.execute()
			.path("extensionDashboards.edges[*].node.versions.edges[*].node.version")
			.entityList(String.class)
			.hasSize(6));
		assertThat(statements).as("one statement for the pages, one for the current versions").hasSize(2);
		assertThat(statements).allSatisfy(sql -> assertThat(sql).doesNotContain("config"));
	}

	private String dashboard() {
		return ExtensionDashboardIntegrationTests.id(ExtensionDashboardIntegrationTests.publish(alice, input()));
	}

	private Map<String, Object> input() {
		return map("extensionId", "publisher.versions-" + run, "dashboardId", "board", "name", "Versions " + run,
				"config", ExtensionConfigSchemaTests.config(), "changelog", "First release");
	}

	private static GraphQlTester.Response publish(HttpGraphQlTester tester, String id, String version,
			Map<String, Object> config) {
		return publish(tester, id, version, config, null);
	}

	private static GraphQlTester.Response publish(HttpGraphQlTester tester, String id, String version,
			Map<String, Object> config, String changelog) {
		return tester.document(PUBLISH_VERSION)
			.variable("id", id)
			.variable("version", version)
			.variable("config", config)
			.variable("changelog", changelog)
			.execute();
	}

	private GraphQlTester.Response versions(String id, int first, String after) {
		return alice.document(VERSIONS).variable("id", id).variable("first", first).variable("after", after).execute();
	}

	private static List<Map<String, Object>> nodes(GraphQlTester.Response response) {
		return response.path("extensionDashboard.versions.edges[*].node")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> cast(Object value) {
		return (Map<String, Object>) value;
	}

	private long versionCount(String id) {
		return ((Number) new TestDatabase(db)
			.rows("SELECT COUNT(*) AS n FROM dashboard_versions WHERE dashboard_id = :id", Map.of("id", id))
			.get(0)
			.get("n")).longValue();
	}

	private long audit(String action, String id, String status) {
		return ((Number) new TestDatabase(db).rows("""
				SELECT COUNT(*) AS n FROM audit_logs WHERE action = :action AND resource_type = 'extension_dashboard'
				AND resource_id = :id AND status = :status""", Map.of("action", action, "id", id, "status", status))
			.get(0)
			.get("n")).longValue();
	}

}

package dev.devguide.cockpit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GeneralLog;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Installing extension dashboards into projects through the API: who may install what,
 * one mapping per project and extension (a second dashboard switches it), downloads
 * counted exactly under concurrency, {@code Project.extensions} by position with the
 * effective config (RFC 7386) through one statement per relation, and update, move and
 * uninstall, each audited; refusals change nothing.
 */
@IntegrationTest
class ExtensionInstallIntegrationTests {

	private static final Map<String, Object> CONFIG = Map.of("name", "Base", "layout",
			Map.of("columns", 2, "theme", "dark"), "modules", List.of(), "keep", "k");

	@Autowired
	TestUsers users;

	@Autowired
	DatabaseClient db;

	@Autowired
	JsonColumns json;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private String owner;

	private ExtensionMappingClient client;

	private Fixtures fixtures;

	private String project;

	@BeforeEach
	void setUp() {
		owner = "ext-owner-" + UUID.randomUUID();
		HttpGraphQlTester tester = users.user(owner);
		client = new ExtensionMappingClient(tester, db, json);
		fixtures = new Fixtures(tester);
		project = fixtures.project();
	}

	@Test
	void installsApprovedDashboardsAndTheCallersOwnAndRefusesTheRest() {
		String approved = client.extensionDashboard("acme.a-" + run, "someone-else", true, CONFIG);
		String own = client.extensionDashboard("acme.b-" + run, owner, false, CONFIG);
		String othersDraft = client.extensionDashboard("acme.c-" + run, "someone-else", false, CONFIG);

		Map<String, Object> first = client.install(project, approved, null);
		assertThat(first).containsEntry("projectId", project)
			.containsEntry("extensionId", "acme.a-" + run)
			.containsEntry("extensionDashboardId", approved)
			.containsEntry("enabled", true)
			.containsEntry("customConfig", null)
			.containsEntry("position", 0)
			.containsEntry("effectiveConfig", CONFIG);
		assertThat(client.install(project, own, Map.of("enabled", false))).containsEntry("position", 1)
			.containsEntry("enabled", false);

		Errors.expect(client.installing(project, othersDraft, null), "NOT_FOUND", null, othersDraft);
		Errors.expect(client.installing(project, UUID.randomUUID().toString(), null), "NOT_FOUND", null, null);
		String stranger = "ext-stranger-" + UUID.randomUUID();
		Errors.expectNotFound(client.as(users.user(stranger)).installing(project, approved, null), "Project", project);
		Errors.expect(client.installing(project, approved, Map.of("position", -1)), "BAD_REQUEST", "input.position",
				null);
		Errors.expect(client.installing(project, approved, Map.of("customConfig", List.of(1))), "BAD_REQUEST",
				"input.customConfig", null);
		assertThat(client.mappingsOf(project)).isEqualTo(2);
		assertThat(client.downloads(approved)).as("refused installs count no download").isEqualTo(1);
		assertThat(client.downloads(othersDraft)).isZero();
		assertThat(client.number("SELECT COUNT(*) AS n FROM audit_logs WHERE user_id = :id "
				+ "AND action = 'extension.install' AND status = 'failure'", stranger))
			.isEqualTo(1);

		Map<String, Object> byAdmin = client.as(users.admin("ext-admin-" + run)).install(project, othersDraft, null);
		assertThat(byAdmin).containsEntry("extensionDashboardId", othersDraft).containsEntry("position", 2);
		assertThat(client.audit((String) byAdmin.get("id"))).containsExactly("extension.install:success");
	}

	@Test
	void installingAnotherDashboardOfTheSameExtensionSwitchesTheMapping() {
		String extension = "acme.switch-" + run;
		String one = client.extensionDashboard(extension, "author", true, CONFIG);
		String two = client.extensionDashboard(extension, "author", true, Map.of("name", "Two", "layout", Map.of()));
		client.install(project, client.extensionDashboard("acme.other-" + run, "author", true, CONFIG), null);
		Map<String, Object> installed = client.install(project, one,
				Map.of("customConfig", Map.of("name", "Ours"), "enabled", false));
		assertThat(installed).containsEntry("position", 1);

		Map<String, Object> switched = client.install(project, two, null);
		assertThat(switched).containsEntry("id", installed.get("id"))
			.containsEntry("extensionDashboardId", two)
			.containsEntry("customConfig", Map.of("name", "Ours"))
			.containsEntry("enabled", false)
			.containsEntry("position", 1)
			.containsEntry("effectiveConfig", Map.of("name", "Ours", "layout", Map.of()));
		Map<String, Object> back = client.install(project, one, Map.of("enabled", true, "position", 0));
		assertThat(back).containsEntry("id", installed.get("id"))
			.containsEntry("extensionDashboardId", one)
			.containsEntry("enabled", true)
			.containsEntry("position", 0);
		assertThat(client.mappingsOf(project)).isEqualTo(2);
		assertThat(client.downloads(one)).isEqualTo(2);
		assertThat(client.downloads(two)).isEqualTo(1);
		@SuppressWarnings("unchecked")
		Map<String, Object> metadata = (Map<String, Object>) json.parse((String) client.database()
			.rows("SELECT CAST(metadata AS CHAR) AS m FROM audit_logs WHERE resource_id = :id ORDER BY id",
					Map.of("id", installed.get("id")))
			.get(1)
			.get("m"));
		assertThat(metadata).containsEntry("replacedExtensionDashboardId", one).containsEntry("created", false);
	}

	@Test
	@SuppressWarnings("unchecked")
	void concurrentInstallsAddExactlyOneDownloadEach() {
		String dashboard = client.extensionDashboard("acme.popular-" + run, "author", true, CONFIG);
		List<String> projects = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			projects.add(fixtures.project());
		}
		WebClient web = WebClient.builder()
			.baseUrl("http://localhost:" + users.port() + "/graphql")
			.defaultHeader("Authorization", "Bearer " + users.token(owner, List.of("user")))
			.build();
		String document = """
				mutation($p: ID!, $d: ID!) { installExtension(projectId: $p, extensionDashboardId: $d) { id } }""";
		int requests = 16;
		List<Map<String, Object>> responses = Flux.range(0, requests)
			.flatMap(i -> web.post()
				.bodyValue(Map.of("query", document, "variables",
						Map.of("p", projects.get(i % projects.size()), "d", dashboard)))
				.retrieve()
				.bodyToMono(Map.class), requests)
			.map(response -> (Map<String, Object>) response)
			.collectList()
			.block(Duration.ofSeconds(120));
		assertThat(responses).hasSize(requests)
			.allSatisfy(response -> assertThat(response).doesNotContainKey("errors"));
		assertThat(client.downloads(dashboard)).isEqualTo(requests);
		assertThat(projects).allSatisfy(id -> assertThat(client.mappingsOf(id)).isEqualTo(1));
	}

	@Test
	void listsAProjectsExtensionsByPositionWithTheirEffectiveConfig() {
		String plain = client.extensionDashboard("acme.plain-" + run, "author", true, CONFIG);
		String patched = client.extensionDashboard("acme.patched-" + run, "author", true, CONFIG);
		String first = client.extensionDashboard("acme.first-" + run, "author", true, CONFIG);
		client.install(project, plain, null);
		Map<String, Object> patch = new HashMap<>();
		patch.put("name", "Mine");
		Map<String, Object> layout = new HashMap<>();
		layout.put("theme", null);
		layout.put("columns", 3);
		patch.put("layout", layout);
		patch.put("keep", null);
		patch.put("modules", List.of(Map.of("type", "checklist")));
		client.install(project, patched, Map.of("customConfig", patch));
		client.install(project, first, Map.of("position", 0));

		List<Map<String, Object>> extensions = client.extensions(project);
		assertThat(extensions).extracting(e -> e.get("extensionDashboardId")).containsExactly(first, plain, patched);
		assertThat(extensions).extracting(e -> (Object) ((Map<?, ?>) e.get("extensionDashboard")).get("id"))
			.containsExactly(first, plain, patched);
		assertThat(extensions).extracting(e -> e.get("position")).containsExactly(0, 1, 2);
		assertThat(extensions.get(1)).containsEntry("effectiveConfig", CONFIG);
		assertThat(extensions.get(2)).containsEntry("customConfig", patch)
			.containsEntry("effectiveConfig", Map.of("name", "Mine", "layout", Map.of("columns", 3), "modules",
					List.of(Map.of("type", "checklist"))));
	}

	@Test
	void loadsTheExtensionsOfAPageOfProjectsWithOneStatementPerRelation() {
		String dashboard = client.extensionDashboard("acme.batch-" + run, "author", true, CONFIG);
		String other = client.extensionDashboard("acme.batch2-" + run, "author", true, CONFIG);
		Map<Integer, long[]> counts = new LinkedHashMap<>();
		int made = 0;
		for (int size : new int[] { 2, 6 }) {
			for (; made < size; made++) {
				String id = made == 0 ? project : fixtures.project();
				client.install(id, dashboard, Map.of("customConfig", Map.of("name", "p" + made)));
				client.install(id, other, null);
			}
			List<String> statements = GeneralLog.statementsWhile(db, "%FROM %extension%",
					() -> assertThat(users.user(owner)
						.document("{ projects(first: 50) { edges { node { extensions { id effectiveConfig } } } } }")
						.execute()
						.path("projects.edges[*].node.extensions[*].effectiveConfig.name")
						.entityList(String.class)
						.get()).hasSize(2 * size).contains("p0", "p1", "Base"));
			counts.put(size, new long[] { count(statements, "FROM project_extension_mappings"),
					count(statements, "FROM extension_dashboards") });
		}
		assertThat(counts.get(2)).as("statements for the mappings and the configs of 2 projects").containsExactly(1, 1);
		assertThat(counts.get(6)).as("statements for the mappings and the configs of 6 projects").containsExactly(1, 1);
	}

	@Test
	void updatesMovesAndUninstallsNamingBadInputAndRefusingStrangers() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String dashboard = client.extensionDashboard("acme.m" + i + "-" + run, "author", true, CONFIG);
			ids.add((String) client.install(project, dashboard, null).get("id"));
		}
		String id = ids.get(0);
		Map<String, Object> changed = client.updating(id, Map.of("customConfig", Map.of("name", "X"), "enabled", false))
			.path("updateExtensionMapping")
			.entity(ExtensionMappingClient.MAP)
			.get();
		assertThat(changed).containsEntry("enabled", false)
			.containsEntry("customConfig", Map.of("name", "X"))
			.containsEntry("effectiveConfig", merged("name", "X"));
		Map<String, Object> clear = new HashMap<>();
		clear.put("customConfig", null);
		assertThat(client.updating(id, clear).path("updateExtensionMapping").entity(ExtensionMappingClient.MAP).get())
			.containsEntry("customConfig", null)
			.containsEntry("enabled", false)
			.containsEntry("effectiveConfig", CONFIG);
		Map<String, Object> nullEnabled = new HashMap<>();
		nullEnabled.put("enabled", null);
		Errors.expect(client.updating(id, nullEnabled), "BAD_REQUEST", "input.enabled", null);
		Errors.expect(client.updating(id, Map.of("customConfig", "text")), "BAD_REQUEST", "input.customConfig", null);
		Errors.expect(client.moving(id, -1), "BAD_REQUEST", "position", null);

		client.moving(ids.get(2), 0).path("moveExtension.position").entity(Integer.class).isEqualTo(0);
		client.moving(id, 99).path("moveExtension.position").entity(Integer.class).isEqualTo(2);
		assertThat(client.extensions(project)).extracting(e -> e.get("id"))
			.containsExactly(ids.get(2), ids.get(1), ids.get(0));

		ExtensionMappingClient stranger = client.as(users.user("ext-stranger-" + UUID.randomUUID()));
		Errors.expectNotFound(stranger.updating(id, Map.of("enabled", true)), "ProjectExtension", id);
		Errors.expectNotFound(stranger.moving(id, 0), "ProjectExtension", id);
		Errors.expectNotFound(stranger.uninstalling(id), "ProjectExtension", id);

		client.uninstalling(ids.get(1)).path("uninstallExtension").entity(String.class).isEqualTo(ids.get(1));
		Errors.expect(client.uninstalling(ids.get(1)), "NOT_FOUND", null, null);
		Errors.expect(client.updating(ids.get(1), Map.of("enabled", true)), "NOT_FOUND", null, null);
		List<Map<String, Object>> left = client.extensions(project);
		assertThat(left).extracting(e -> e.get("id")).containsExactly(ids.get(2), ids.get(0));
		assertThat(left).extracting(e -> e.get("position")).containsExactly(0, 1);
		assertThat(left.get(1)).containsEntry("enabled", false);
		assertThat(client.audit(id)).containsExactly("extension.install:success", "extension.updateMapping:success",
				"extension.updateMapping:success", "extension.updateMapping:failure", "extension.updateMapping:failure",
				"extension.move:failure", "extension.move:success", "extension.updateMapping:failure",
				"extension.move:failure", "extension.uninstall:failure");
		assertThat(client.audit(ids.get(1))).endsWith("extension.uninstall:success", "extension.uninstall:failure",
				"extension.updateMapping:failure");
	}

	private static long count(List<String> statements, String table) {
		return statements.stream().filter(statement -> statement.contains(table)).count();
	}

	private static Map<String, Object> merged(String key, Object value) {
		Map<String, Object> config = new HashMap<>(CONFIG);
		config.put(key, value);
		return config;
	}

}

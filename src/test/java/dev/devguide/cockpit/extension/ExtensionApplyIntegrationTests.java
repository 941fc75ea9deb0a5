package dev.devguide.cockpit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * applyExtension through the API: the effective config becomes a dashboard with its
 * modules in a profile of the mapping's project, with the audit rows and versions that
 * creating them writes; a config that cannot be applied is a BAD_REQUEST naming its path,
 * and nothing is written.
 */
@IntegrationTest
class ExtensionApplyIntegrationTests {

	private static final Map<String, Object> CONFIG = Map.of("name", "Extension board", "layout", Map.of("columns", 3),
			"modules",
			List.of(Map.of("type", "checklist", "name", "Second", "configuration", Map.of("items", List.of("a")),
					"position", 1),
					Map.of("type", "decision_log", "name", "First", "configuration", Map.of(), "position", 0)));

	@Autowired
	TestUsers users;

	@Autowired
	DatabaseClient db;

	@Autowired
	JsonColumns json;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private String owner;

	private ExtensionMappingClient client;

	private String project;

	private String profile;

	@BeforeEach
	void setUp() {
		owner = "ext-applier-" + UUID.randomUUID();
		HttpGraphQlTester tester = users.user(owner);
		client = new ExtensionMappingClient(tester, db, json);
		Fixtures fixtures = new Fixtures(tester);
		project = fixtures.project();
		profile = fixtures.profile(project, "main");
	}

	@Test
	void createsTheDashboardAndItsModulesWithTheirAuditRowsAndVersions() {
		String mapping = installed(CONFIG, Map.of("customConfig", Map.of("name", "Our board")));
		Map<String, Object> dashboard = client.applying(mapping, profile)
			.path("applyExtension")
			.entity(ExtensionMappingClient.MAP)
			.get();
		assertThat(dashboard).containsEntry("name", "Our board")
			.containsEntry("layout", Map.of("columns", 3))
			.containsEntry("position", 0)
			.containsEntry("profile", Map.of("id", profile));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> modules = (List<Map<String, Object>>) dashboard.get("modules");
		assertThat(modules).extracting(m -> m.get("name")).containsExactly("First", "Second");
		assertThat(modules).extracting(m -> m.get("moduleType")).containsExactly("decision_log", "checklist");
		assertThat(modules).extracting(m -> m.get("position")).containsExactly(0, 1);
		assertThat(modules.get(1)).containsEntry("configuration", Map.of("items", List.of("a")));

		String dashboardId = (String) dashboard.get("id");
		assertThat(client.audit(dashboardId)).containsExactly("dashboard.create:success");
		assertThat(client.audit(mapping)).containsExactly("extension.install:success", "extension.apply:success");
		for (Map<String, Object> module : modules) {
			assertThat(client.audit((String) module.get("id"))).containsExactly("module.create:success");
			assertThat(versions((String) module.get("id"))).isEqualTo(1);
		}
		assertThat(versions(dashboardId)).isEqualTo(1);

		Map<String, Object> again = client.applying(mapping, profile)
			.path("applyExtension")
			.entity(ExtensionMappingClient.MAP)
			.get();
		assertThat(again).containsEntry("position", 1).containsEntry("name", "Our board");
	}

	@Test
	void refusesAProfileOfAnotherProjectAndStrangers() {
		String mapping = installed(CONFIG, null);
		Fixtures fixtures = new Fixtures(users.user(owner));
		String otherProfile = fixtures.profile(fixtures.project(), "other");
		Errors.expect(client.applying(mapping, otherProfile), "BAD_REQUEST", "profileId", null);
		Errors.expect(client.applying(mapping, UUID.randomUUID().toString()), "NOT_FOUND", null, null);
		Errors.expect(client.applying(UUID.randomUUID().toString(), profile), "NOT_FOUND", null, null);
		Errors.expect(client.as(users.user("ext-stranger-" + run)).applying(mapping, profile), "NOT_FOUND", null,
				" does not exist");
		assertThat(dashboardsIn(profile)).isZero();
		assertThat(dashboardsIn(otherProfile)).isZero();
	}

	@Test
	void aConfigThatCannotBeAppliedIsRefusedNamingItsPathAndNothingIsWritten() {
		Map<String, Object> noType = new HashMap<>(CONFIG);
		noType.put("modules", List.of(module("checklist", "a"), Map.of("name", "b", "configuration", Map.of())));
		expectRefused(installed(noType, null), "effectiveConfig.modules[1].type");

		Map<String, Object> numberType = new HashMap<>(CONFIG);
		numberType.put("modules", List.of(module("checklist", "a"), module(42, "b")));
		expectRefused(installed(numberType, null), "effectiveConfig.modules[1].type");

		Map<String, Object> longName = new HashMap<>(CONFIG);
		longName.put("modules", List.of(module("checklist", "a"), module("checklist", "n".repeat(256))));
		expectRefused(installed(longName, null), "effectiveConfig.modules[1].name");

		Map<String, Object> removeName = new HashMap<>();
		removeName.put("name", null);
		expectRefused(installed(CONFIG, Map.of("customConfig", removeName)), "effectiveConfig.name");
		expectRefused(installed(CONFIG, Map.of("customConfig", Map.of("modules", "none"))), "effectiveConfig.modules");
		expectRefused(installed(CONFIG, Map.of("customConfig", Map.of("layout", List.of()))), "effectiveConfig.layout");
		expectRefused(
				installed(CONFIG, Map.of("customConfig",
						Map.of("modules",
								List.of(Map.of("type", "x", "name", "m", "configuration", Map.of(), "position", -1))))),
				"effectiveConfig.modules[0].position");

		assertThat(dashboardsIn(profile)).as("dashboards written").isZero();
		assertThat(client.number("SELECT COUNT(*) AS n FROM audit_logs WHERE user_id = :id AND action IN "
				+ "('dashboard.create', 'module.create')", owner))
			.as("audit rows of dashboards and modules")
			.isZero();
		assertThat(client.number("SELECT COUNT(*) AS n FROM audit_logs WHERE user_id = :id "
				+ "AND action = 'extension.apply' AND status = 'failure'", owner))
			.isEqualTo(7);
		assertThat(client.number("SELECT COUNT(*) AS n FROM version_history WHERE created_by = :id", owner))
			.as("versions written")
			.isZero();
	}

	private void expectRefused(String mapping, String path) {
		Errors.expect(client.applying(mapping, profile), "BAD_REQUEST", path, null);
	}

	/** Installs a new extension dashboard of the config into the project. */
	private String installed(Map<String, Object> config, Map<String, ?> input) {
		String dashboard = client.extensionDashboard("acme.apply-" + UUID.randomUUID(), owner, false, config);
		return (String) client.install(project, dashboard, input).get("id");
	}

	private static Map<String, Object> module(Object type, String name) {
		return Map.of("type", type, "name", name, "configuration", Map.of());
	}

	private long dashboardsIn(String profileId) {
		return client.number("SELECT COUNT(*) AS n FROM dashboards WHERE profile_id = :id", profileId);
	}

	private long versions(String resourceId) {
		return client.number("SELECT COUNT(*) AS n FROM version_history WHERE resource_id = :id", resourceId);
	}

}

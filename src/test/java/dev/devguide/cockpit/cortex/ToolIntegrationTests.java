package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.ProviderClient.input;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.security.SealedSecrets;
import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GeneralLog;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tool registry (admins write, everyone reads, deleting cascades to grants) and tool
 * grants: the capability a tool requires, sealed OAuth tokens that are never returned,
 * the derived status and recordToolUse refusing expired and disabled grants.
 */
@IntegrationTest
class ToolIntegrationTests {

	@Autowired
	TestUsers users;

	@Autowired
	DatabaseClient db;

	@Autowired
	SealedSecrets secrets;

	ToolClient admin;

	ToolClient owner;

	Fixtures fixtures;

	String run;

	@BeforeEach
	void setUp() {
		run = UUID.randomUUID().toString().substring(0, 8);
		admin = new ToolClient(users.admin("tool-admin-" + run));
		HttpGraphQlTester tester = users.user("tool-owner-" + run);
		owner = new ToolClient(tester);
		fixtures = new Fixtures(tester);
	}

	@Test
	void adminsRegisterUpdateAndDeleteToolsAndEveryoneReadsThem() {
		Map<String, Object> tool = admin.register(input("name", "git-" + run, "category", "git-" + run, "description",
				"Runs git", "implementationType", "PYTHON", "config", Map.of("binary", "git"), "system", true));
		String id = (String) tool.get("id");
		assertThat(tool).containsEntry("implementationType", "PYTHON")
			.containsEntry("config", Map.of("binary", "git"))
			.containsEntry("system", true)
			.containsEntry("requiresCapability", null);
		admin.tool("other-" + run, null);

		assertThat(owner.tools("git-" + run, null)).extracting(t -> t.get("id")).containsExactly(id);
		assertThat(owner.tools("git-" + run, false)).isEmpty();
		assertThat(owner.tools(null, null)).extracting(t -> t.get("name")).contains("git-" + run, "other-" + run);

		Errors.expect(
				admin.registering(
						input("name", "git-" + run, "category", "c", "description", "d", "implementationType", "API")),
				"BAD_REQUEST", "input.name", "already exists");
		Errors.expect(admin.registering(input("name", "x-" + run, "category", "c", "description", "d")), "BAD_REQUEST",
				"input.implementationType", null);
		Errors.expect(
				owner.registering(
						input("name", "mine-" + run, "category", "c", "description", "d", "implementationType", "API")),
				"FORBIDDEN", null, null);
		Errors.expect(admin.updatingTool(id, input("name", "other-" + run)), "BAD_REQUEST", "input.name", null);
		Errors.expect(owner.updatingTool(id, input("category", "mine")), "FORBIDDEN", null, null);
		Errors.expect(owner.deletingTool(id), "FORBIDDEN", null, null);

		assertThat(admin.updatingTool(id, input("implementationType", "WASM", "requiresCapability", "git_commit"))
			.path("updateTool")
			.entity(ProviderClient.MAP)
			.get()).containsEntry("implementationType", "WASM")
			.containsEntry("requiresCapability", "git_commit")
			.containsEntry("name", "git-" + run);
		assertThat(owner.tools("git-" + run, null)).singleElement()
			.satisfies(t -> assertThat(t).containsEntry("category", "git-" + run));
	}

	@Test
	void loadsTheGrantsAndToolsOfAPageOfProjectsWithOneStatementEach() {
		String tool = admin.tool("batch-" + run, null);
		for (int i = 0; i < 4; i++) {
			owner.grant(fixtures.project(), tool, null);
		}
		List<String> statements = GeneralLog.statementsWhile(db, "SELECT%FROM %tool_%",
				() -> assertThat(owner.tester()
					.document("{ projects(first: 50) { edges { node { toolAccess { status tool { name } } } } } }")
					.execute()
					.path("projects.edges[*].node.toolAccess[*].tool.name")
					.entityList(String.class)
					.get()).containsOnly("batch-" + run).hasSize(4));
		assertThat(statements.stream().filter(sql -> sql.contains("FROM external_tool_access")))
			.as("one statement for the grants of every project")
			.hasSize(1);
		assertThat(statements.stream().filter(sql -> sql.contains("FROM tool_registry")))
			.as("one statement for their tools")
			.hasSize(1);
	}

	@Test
	void deletingAToolDeletesItsGrants() {
		String tool = admin.tool("doomed-" + run, null);
		String project = fixtures.project();
		String grant = (String) owner.grant(project, tool, null).get("id");
		admin.deletingTool(tool).path("deleteTool").entity(String.class).isEqualTo(tool);
		assertThat(owner.access(project)).isEmpty();
		assertThat(new TestDatabase(db).countIn("external_tool_access", "id", List.of(grant))).isZero();
		assertThat(new TestDatabase(db).rows(
				"SELECT CAST(metadata AS CHAR) AS m FROM audit_logs WHERE action = 'tool.delete' AND resource_id = :id",
				Map.of("id", tool)))
			.singleElement()
			.satisfies(row -> assertThat((String) row.get("m")).contains("\"grantsDeleted\":1"));
		Errors.expect(admin.deletingTool(tool), "NOT_FOUND", null, null);
	}

	@Test
	void aToolThatRequiresACapabilityIsGrantedOnlyWhileAModuleHoldsIt() {
		String tool = admin.tool("fs-" + run, "file_write");
		Fixtures.Hierarchy tree = fixtures.hierarchy(List.of(List.of("editor")));
		Errors.expect(owner.granting(tree.projectId(), tool, null), "FORBIDDEN", null, "'file_write'");
		String module = tree.moduleIds().get(0).get(0);
		fixtures.grant(module, "file_write");
		revoke(module, "file_write");
		Errors.expect(owner.granting(tree.projectId(), tool, null), "FORBIDDEN", null, "file_write");
		assertThat(owner.access(tree.projectId())).isEmpty();

		fixtures.grant(module, "file_write");
		Map<String, Object> access = owner.grant(tree.projectId(), tool, input("accessType", "WRITE"));
		assertThat(access).containsEntry("status", "ACTIVE")
			.containsEntry("accessType", "WRITE")
			.containsEntry("tool", Map.of("id", tool, "name", "fs-" + run));
		Errors.expect(owner.granting(tree.projectId(), tool, null), "BAD_REQUEST", "toolId", "already has");

		String id = (String) access.get("id");
		revoke(module, "file_write");
		Errors.expect(owner.using(id), "FORBIDDEN", null, "file_write");
		fixtures.grant(module, "file_write");
		assertThat(owner.using(id).path("recordToolUse.lastAccessedAt").hasValue()).isNotNull();
		assertThat(owner.updateAccess(id, input("enabled", false))).containsEntry("status", "DISABLED");
		revoke(module, "file_write");
		Errors.expect(owner.updatingAccess(id, input("enabled", true)), "FORBIDDEN", null, "file_write");
		assertThat(owner.access(tree.projectId())).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("enabled", false));
	}

	@Test
	void sealsOAuthTokensShowsOnlyScopesAndExpiryAndDerivesTheStatus() {
		String tool = admin.tool("github-" + run, null);
		String project = fixtures.project();
		String accessToken = "gho_access_" + run + UUID.randomUUID();
		String refreshToken = "ghr_refresh_" + run + UUID.randomUUID();
		Map<String, Object> oauth = input("accessToken", accessToken, "refreshToken", refreshToken, "scopes",
				List.of("repo", "read:org"), "expiresAt", "2037-01-01T00:00:00.000000Z");
		List<String> received = GeneralLog.statementsWhile(db, "%" + run + "%",
				() -> owner.grant(project, tool, input("oauth", oauth)));
		assertThat(String.join("\n", received)).doesNotContain(accessToken).doesNotContain(refreshToken);

		Map<String, Object> access = owner.access(project).get(0);
		assertThat(access).containsEntry("status", "ACTIVE")
			.containsEntry("accessType", "READ")
			.containsEntry("scopes", List.of("repo", "read:org"))
			.containsEntry("expiresAt", "2037-01-01T00:00:00.000000Z")
			.containsEntry("hasAccessToken", true)
			.containsEntry("hasRefreshToken", true)
			.containsEntry("tokenKeyId", secrets.primaryKeyId());
		assertThat(String.valueOf(access)).doesNotContain(accessToken).doesNotContain(refreshToken);
		String id = (String) access.get("id");
		assertThat(secrets.open(stored(id, "accessToken"), ToolOAuth.binding(id, "accessToken")))
			.isEqualTo(accessToken);
		assertThat(secrets.open(stored(id, "refreshToken"), ToolOAuth.binding(id, "refreshToken")))
			.isEqualTo(refreshToken);

		Map<String, Object> used = owner.using(id).path("recordToolUse").entity(ProviderClient.MAP).get();
		assertThat(used.get("lastAccessedAt")).isNotNull();

		Map<String, Object> expired = owner.updateAccess(id,
				input("oauth", input("accessToken", accessToken + "-2", "expiresAt", "2020-01-01T00:00:00.000000Z")));
		assertThat(expired).containsEntry("status", "EXPIRED")
			.containsEntry("scopes", List.of())
			.containsEntry("hasRefreshToken", false);
		Errors.expect(owner.using(id), "BAD_REQUEST", "accessId", "is EXPIRED");
		assertThat(owner.access(project).get(0)).containsEntry("lastAccessedAt", used.get("lastAccessedAt"));

		Map<String, Object> cleared = owner.updateAccess(id, input("oauth", null, "enabled", false));
		assertThat(cleared).containsEntry("status", "DISABLED")
			.containsEntry("hasAccessToken", false)
			.containsEntry("expiresAt", null)
			.containsEntry("tokenKeyId", null);
		Errors.expect(owner.using(id), "BAD_REQUEST", "accessId", "is DISABLED");

		Errors.expect(owner.granting(project, tool, input("oauth", input("scopes", List.of("x".repeat(256))))),
				"BAD_REQUEST", "toolId", null);
		owner.revoking(id).path("revokeToolAccess").entity(String.class).isEqualTo(id);
		Errors.expect(owner.granting(project, tool, input("oauth", input("scopes", List.of("x".repeat(256))))),
				"BAD_REQUEST", "input.oauth.scopes", null);
		assertThat(owner.access(project)).isEmpty();
		Errors.expectNotFound(new ToolClient(users.user("stranger-" + run)).granting(project, tool, null), "Project",
				project);
	}

	private byte[] stored(String id, String token) {
		String json = db.sql("SELECT CAST(oauth_config AS CHAR) AS o FROM external_tool_access WHERE id = :id")
			.bind("id", id)
			.map(row -> row.get("o", String.class))
			.one()
			.block();
		Map<?, ?> config = JsonMapper.builder().build().readValue(json, Map.class);
		return Base64.getDecoder().decode((String) config.get(token));
	}

	private void revoke(String moduleId, String type) {
		owner.tester()
			.document("mutation($m: ID!, $t: String!) { revokeCapability(moduleId: $m, capabilityType: $t) { id } }")
			.variable("m", moduleId)
			.variable("t", type)
			.execute()
			.path("revokeCapability.id")
			.hasValue();
	}

}

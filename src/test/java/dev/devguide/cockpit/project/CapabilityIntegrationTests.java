package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.support.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GraphQlErrors;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Granting and revoking module capabilities: one row per module and type, re-granted in
 * place.
 */
@IntegrationTest
class CapabilityIntegrationTests {

	// language=GraphQL
	private static final String FIELDS = "{ id capabilityType granted grantedAt revokedAt justification module { id } }";

	@Autowired
	DatabaseClient databaseClient;

	@Autowired
	TestUsers users;

	private HttpGraphQlTester owner;

	private TestDatabase database;

	private String moduleId;

	@BeforeEach
	void setUp() {
		owner = users.user(unique("capability-owner"));
		Fixtures fixtures = new Fixtures(owner);
		database = new TestDatabase(databaseClient);
		moduleId = fixtures.module(fixtures.dashboard(fixtures.profile(fixtures.project(unique("caps")), "P"), "D"),
				"M");
	}

	@Test
	void grantRevokeAndGrantAgainChangeOneRow() {
		Map<String, Object> granted = change("grantCapability", "file_write", "writes reports");
		assertThat(granted).containsEntry("capabilityType", "file_write")
			.containsEntry("granted", true)
			.containsEntry("revokedAt", null)
			.containsEntry("justification", "writes reports")
			.containsEntry("module", Map.of("id", moduleId));
		assertThat((String) granted.get("grantedAt")).matches(HierarchyIntegrationTests.DATE_TIME);
		String id = (String) granted.get("id");

		Map<String, Object> revoked = change("revokeCapability", "file_write", "no longer needed");
		assertThat(revoked).containsEntry("id", id)
			.containsEntry("granted", false)
			.containsEntry("grantedAt", granted.get("grantedAt"))
			.containsEntry("justification", "no longer needed");
		assertThat((String) revoked.get("revokedAt")).matches(HierarchyIntegrationTests.DATE_TIME);
		assertThat(instant(revoked.get("revokedAt"))).isAfterOrEqualTo(instant(granted.get("grantedAt")));

		Map<String, Object> regranted = change("grantCapability", "file_write", "needed again");
		assertThat(regranted).containsEntry("id", id)
			.containsEntry("granted", true)
			.containsEntry("revokedAt", null)
			.containsEntry("justification", "needed again");
		assertThat(instant(regranted.get("grantedAt"))).isAfterOrEqualTo(instant(revoked.get("revokedAt")));

		List<Map<String, Object>> rows = database.rows("""
				SELECT id, granted, granted_at, revoked_at FROM capabilities
				WHERE module_id = :module AND capability_type = 'file_write'""", Map.of("module", moduleId));
		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row.get("id")).isEqualTo(id);
			assertThat(row.get("granted")).isIn(true, (byte) 1, 1);
			assertThat(row.get("granted_at")).isNotNull();
			assertThat(row.get("revoked_at")).isNull();
		});
	}

	@Test
	void grantingTwiceKeepsOneGrantedRow() {
		String first = (String) change("grantCapability", "git_commit", null).get("id");
		String second = (String) change("grantCapability", "git_commit", null).get("id");

		assertThat(second).isEqualTo(first);
		assertThat(database.countIn("capabilities", "module_id", List.of(moduleId))).isEqualTo(1);
	}

	@Test
	void moduleListsItsCapabilitiesByType() {
		change("grantCapability", "network_http", null);
		change("grantCapability", "file_write", null);
		change("revokeCapability", "network_http", null);

		// language=GraphQL
		String document = """
				query($id: ID!) {
				  project(id: $id) { profiles { dashboards { modules { capabilities { capabilityType granted } } } } }
				}""";
		String projectId = (String) database.rows("""
				SELECT pr.project_id FROM modules m JOIN dashboards d ON d.id = m.dashboard_id
				JOIN profiles pr ON pr.id = d.profile_id WHERE m.id = :id""", Map.of("id", moduleId))
			.get(0)
			.get("project_id");
		String capabilities = "project.profiles[0].dashboards[0].modules[0].capabilities";
		GraphQlTester.Response response = owner.document(document).variable("id", projectId).execute();
		response.path(capabilities + "[*].capabilityType")
			.entityList(String.class)
			.containsExactly("file_write", "network_http");
		response.path(capabilities + "[*].granted").entityList(Boolean.class).containsExactly(true, false);
	}

	@Test
	void revokingACapabilityNeverGrantedIsNotFound() {
		change("grantCapability", "file_write", null);

		revoke(owner, "network_http").errors().satisfy(GraphQlErrors.single("NOT_FOUND"));

		assertThat(
				database.rows("SELECT capability_type FROM capabilities WHERE module_id = :id", Map.of("id", moduleId)))
			.extracting(row -> row.get("capability_type"))
			.containsExactly("file_write");
	}

	@Test
	void blankTypesAndOtherUsersAreRefused() {
		revoke(owner, " ").errors().satisfy(GraphQlErrors.single("BAD_REQUEST", "capabilityType"));
		// language=GraphQL
		owner.document("mutation($m: ID!) { grantCapability(moduleId: $m, capabilityType: \"\") { id } }")
			.variable("m", moduleId)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("BAD_REQUEST", "capabilityType"));
		// language=GraphQL
		users.user(unique("stranger"))
			.document("mutation($m: ID!) { grantCapability(moduleId: $m, capabilityType: \"file_write\") { id } }")
			.variable("m", moduleId)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.notFound("Module", moduleId));
		// language=GraphQL
		owner
			.document(
					"mutation { grantCapability(moduleId: \"no-such-module\", capabilityType: \"file_write\") { id } }")
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("NOT_FOUND"));
		assertThat(database.countIn("capabilities", "module_id", List.of(moduleId))).isZero();
	}

	private Map<String, Object> change(String mutation, String type, String justification) {
		String document = "mutation($m: ID!, $t: String!, $j: String) { " + mutation
				+ "(moduleId: $m, capabilityType: $t, justification: $j) " + FIELDS + " }";
		return owner.document(document)
			.variable("m", moduleId)
			.variable("t", type)
			.variable("j", justification)
			.execute()
			.path(mutation)
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	private GraphQlTester.Response revoke(HttpGraphQlTester tester, String type) {
		// language=GraphQL
		String document = "mutation($m: ID!, $t: String!) { revokeCapability(moduleId: $m, capabilityType: $t) { id } }";
		return tester.document(document).variable("m", moduleId).variable("t", type).execute();
	}

	private static Instant instant(Object value) {
		return Instant.parse((String) value);
	}

}

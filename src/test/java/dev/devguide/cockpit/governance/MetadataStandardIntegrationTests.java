package dev.devguide.cockpit.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Metadata standards: readable by every user, written by admins only, with both patterns
 * compiled by RE2 (so a backtracking-prone pattern is linear), and audited.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class MetadataStandardIntegrationTests {

	// language=GraphQL
	private static final String CREATE = """
			mutation($input: MetadataStandardInput!) {
			  createMetadataStandard(input: $input) {
			    id standardName category patternRegex fieldPattern validationMessage enforcementLevel active
			    createdAt updatedAt
			  }
			}""";

	@Autowired
	DatabaseClient db;

	@Autowired
	TestUsers users;

	HttpGraphQlTester admin;

	@BeforeEach
	void setUp() {
		admin = users.admin("standards-admin-" + UUID.randomUUID());
	}

	@Test
	void everyUserReadsTheSeedStandardWithItsFieldPattern() {
		List<Map<String, Object>> temporal = users.user("reader-" + UUID.randomUUID())
			.document(
					"{ metadataStandards(category: TEMPORAL, active: true) { id category fieldPattern enforcementLevel } }")
			.execute()
			.path("metadataStandards")
			.entity(List.class)
			.get();

		assertThat(temporal).contains(Map.of("id", "ts-001-zulu", "category", "TEMPORAL", "fieldPattern",
				"(^|\\.)[^.\\[\\]]*_at$", "enforcementLevel", "ERROR"));
		assertThat(temporal).allSatisfy(standard -> assertThat(standard).containsEntry("category", "TEMPORAL"));
	}

	@Test
	void adminsCreateUpdateDeactivateAndActivateStandardsWithAuditRows() {
		String name = "versions-" + UUID.randomUUID();
		Map<String, Object> created = create(admin, Map.of("standardName", name, "category", "VERSIONING",
				"patternRegex", "^\\d+\\.\\d+\\.\\d+$", "fieldPattern", "^never-" + name + "$"))
			.path("createMetadataStandard")
			.entity(Map.class)
			.get();
		String id = (String) created.get("id");
		assertThat(created).containsEntry("enforcementLevel", "ERROR").containsEntry("active", true);

		Map<String, Object> updated = admin.document("""
				mutation($id: ID!) {
				  updateMetadataStandard(id: $id, input: {enforcementLevel: WARNING, validationMessage: "semver"}) {
				    enforcementLevel validationMessage patternRegex
				  }
				}""").variable("id", id).execute().path("updateMetadataStandard").entity(Map.class).get();
		assertThat(updated).containsEntry("enforcementLevel", "WARNING")
			.containsEntry("validationMessage", "semver")
			.containsEntry("patternRegex", "^\\d+\\.\\d+\\.\\d+$");

		assertThat(setActive("deactivateMetadataStandard", id)).isFalse();
		assertThat(listed(false)).contains(id);
		assertThat(setActive("activateMetadataStandard", id)).isTrue();
		assertThat(setActive("deactivateMetadataStandard", id)).isFalse();

		assertThat(db.sql("SELECT action FROM audit_logs WHERE resource_id = :id AND status = 'success' ORDER BY id")
			.bind("id", id)
			.map(row -> row.get("action", String.class))
			.all()
			.collectList()
			.block()).containsExactly("metadata_standard.create", "metadata_standard.update",
					"metadata_standard.deactivate", "metadata_standard.activate", "metadata_standard.deactivate");
	}

	@Test
	void onlyAdminsChangeStandards() {
		HttpGraphQlTester user = users.user("standards-user-" + UUID.randomUUID());
		Errors.expect(
				create(user,
						Map.of("standardName", "x-" + UUID.randomUUID(), "category", "TEMPORAL", "patternRegex", "x")),
				"FORBIDDEN", null, null);
		Errors.expect(user.document("mutation { deactivateMetadataStandard(id: \"ts-001-zulu\") { id } }").execute(),
				"FORBIDDEN", null, null);
		Errors.expect(admin.document("mutation { activateMetadataStandard(id: \"nope\") { id } }").execute(),
				"NOT_FOUND", null, null);
	}

	@Test
	void patternsThatRe2CannotCompileAreBadRequestsNamingTheField() {
		String name = "broken-" + UUID.randomUUID();
		Errors.expect(create(admin, Map.of("standardName", name, "category", "NOMENCLATURE", "patternRegex", "(a")),
				"BAD_REQUEST", "input.patternRegex", null);
		Errors.expect(
				create(admin,
						Map.of("standardName", name, "category", "NOMENCLATURE", "patternRegex", "^(?=lookahead)")),
				"BAD_REQUEST", "input.patternRegex", null);
		Errors.expect(create(admin, Map.of("standardName", name, "category", "NOMENCLATURE", "patternRegex", "a",
				"fieldPattern", "[unclosed")), "BAD_REQUEST", "input.fieldPattern", null);
		Errors.expect(
				create(admin,
						Map.of("standardName", "Timestamp Zulu Format", "category", "TEMPORAL", "patternRegex", "a")),
				"BAD_REQUEST", "input.standardName", "already exists");
		Errors
			.expect(admin
				.document("mutation { updateMetadataStandard(id: \"ts-001-zulu\", "
						+ "input: {fieldPattern: \"(\"}) { id } }")
				.execute(), "BAD_REQUEST", "input.fieldPattern", null);
	}

	@Test
	void aBacktrackingPronePatternRunsOnRe2AndStillMatchesCorrectly() {
		Fixtures fixtures = new Fixtures(users.user("re2-" + UUID.randomUUID()));
		String key = "re2" + UUID.randomUUID().toString().replace("-", "");
		String id = (String) create(admin,
				Map.of("standardName", key, "category", "NOMENCLATURE", "patternRegex", "^(a+)+$", "fieldPattern",
						"^" + key + "$", "enforcementLevel", "WARNING"))
			.path("createMetadataStandard.id")
			.entity(String.class)
			.get();
		try {
			String project = fixtures.project();
			String bad = fixtures.submit(project, null, Map.of(key, "a".repeat(50_000) + "!"));
			String good = fixtures.submit(project, null, Map.of(key, "a".repeat(50_000)));
			assertThat(passed(fixtures, bad)).containsExactly(false);
			assertThat(passed(fixtures, good)).containsExactly(true);
		}
		finally {
			setActive("deactivateMetadataStandard", id);
		}
	}

	private List<Object> passed(Fixtures fixtures, String change) {
		Map<String, Object> result = fixtures.transition("validateChange", change)
			.path("validateChange.validationResults")
			.entity(Map.class)
			.get();
		return ((List<Map<String, Object>>) result.get("checks")).stream()
			.filter(check -> !"ts-001-zulu".equals(check.get("standardId")))
			.map(check -> check.get("passed"))
			.toList();
	}

	private GraphQlTester.Response create(HttpGraphQlTester caller, Map<String, Object> input) {
		return caller.document(CREATE).variable("input", input).execute();
	}

	private boolean setActive(String mutation, String id) {
		return admin.document("mutation($id: ID!) { " + mutation + "(id: $id) { active } }")
			.variable("id", id)
			.execute()
			.path(mutation + ".active")
			.entity(Boolean.class)
			.get();
	}

	private List<Object> listed(boolean active) {
		List<Map<String, Object>> standards = admin
			.document("query($a: Boolean) { metadataStandards(active: $a) { id } }")
			.variable("a", active)
			.execute()
			.path("metadataStandards")
			.entity(List.class)
			.get();
		return standards.stream().map(standard -> standard.get("id")).toList();
	}

}

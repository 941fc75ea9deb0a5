package dev.devguide.cockpit.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * validateChange against metadata standards and guardrails: error failures reject,
 * warnings are recorded and validate, each failed standard check is a violation with a
 * suggested fix where one exists, and the guardrail configuration keys.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class BinValidationIntegrationTests {

	// language=GraphQL
	private static final String VIOLATIONS = """
			query($project: ID!) {
			  metadataViolations(first: 50, filter: {projectId: $project, resourceType: "sync_buffer"}) {
			    edges { node { resourceId projectId violationValue suggestedFix status
			                   standard { id enforcementLevel } } }
			  }
			}""";

	@Autowired
	DatabaseClient db;

	@Autowired
	TestUsers users;

	HttpGraphQlTester owner;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		owner = users.user("validation-" + UUID.randomUUID());
		fixtures = new Fixtures(owner);
	}

	@Test
	void anErrorStandardRejectsAndEachFailedFieldIsAViolationWithItsUtcFix() {
		String project = fixtures.project();
		String id = fixtures.submit(project, null,
				Map.of("created_at", "2026-01-01T15:30:45+01:00", "meta",
						Map.of("updated_at", "2026-01-01 14:30:45.1234567"), "seen_at", "yesterday", "ok_at",
						"2026-01-01T14:30:45Z", "count_at", 5));

		Map<String, Object> result = fixtures.transition("validateChange", id)
			.path("validateChange")
			.entity(Map.class)
			.get();

		assertThat(result).containsEntry("status", "REJECTED");
		assertThat(BinIntegrationTests.checks(result))
			.extracting(c -> c.get("field"), c -> c.get("passed"), c -> c.get("enforcementLevel"))
			.containsExactlyInAnyOrder(tuple("created_at", false, "error"), tuple("meta.updated_at", false, "error"),
					tuple("seen_at", false, "error"), tuple("ok_at", true, "error"), tuple("count_at", false, "error"));
		assertThat(violations(project))
			.extracting(v -> v.get("resourceId"), v -> v.get("violationValue"), v -> v.get("suggestedFix"),
					v -> v.get("status"), v -> v.get("standard"))
			.containsExactlyInAnyOrder(
					tuple(id, "2026-01-01T15:30:45+01:00", "2026-01-01T14:30:45.000000Z", "OPEN", zulu()),
					tuple(id, "2026-01-01 14:30:45.1234567", "2026-01-01T14:30:45.123456Z", "OPEN", zulu()),
					tuple(id, "yesterday", null, "OPEN", zulu()), tuple(id, "5", null, "OPEN", zulu()));
	}

	@Test
	void warningAndInfoFailuresAreRecordedAndTheChangeStillValidates() {
		String key = "w" + UUID.randomUUID().toString().replace("-", "");
		HttpGraphQlTester admin = users.admin("admin-" + UUID.randomUUID());
		String warning = StandardsClient.create(admin, key + "-warn", "^" + key + "$", "^[a-z]+$", "WARNING");
		String info = StandardsClient.create(admin, key + "-info", "^" + key + "$", "^.{1,2}$", "INFO");
		try {
			String project = fixtures.project();
			String id = fixtures.submit(project, null, Map.of(key, "ABC"));
			assertThat(fixtures.move("validateChange", id)).isEqualTo("VALIDATED");
			assertThat(violations(project)).extracting(v -> (Object) ((Map<?, ?>) v.get("standard")).get("id"))
				.containsExactlyInAnyOrder(warning, info);
		}
		finally {
			StandardsClient.deactivate(admin, warning);
			StandardsClient.deactivate(admin, info);
		}
	}

	@Test
	void valuePatternFailuresAreRecordedAndAFailingAutoRejectGuardrailRejects() {
		String project = fixtures.project();
		guardrail(project, "semver", false,
				Map.of("fieldPattern", "^version$", "valuePattern", "^\\d+\\.\\d+\\.\\d+$"));
		guardrail(project, "owner-required", true, Map.of("requiredFields", List.of("owner", "meta.team")));

		String recorded = fixtures.submit(project, null,
				Map.of("version", "1.0", "owner", "me", "meta", Map.of("team", "core")));
		Map<String, Object> validated = validate(recorded);
		assertThat(validated).containsEntry("status", "VALIDATED");
		assertThat(BinIntegrationTests.checks(validated))
			.extracting(c -> c.get("ruleId"), c -> c.get("rule"), c -> c.get("field"), c -> c.get("passed"))
			.contains(tuple("semver", "valuePattern", "version", false),
					tuple("owner-required", "requiredFields", "owner", true),
					tuple("owner-required", "requiredFields", "meta.team", true));

		String missing = fixtures.submit(project, null, Map.of("version", "1.0.0", "meta", Map.of()));
		Map<String, Object> rejected = validate(missing);
		assertThat(rejected).containsEntry("status", "REJECTED");
		assertThat(BinIntegrationTests.checks(rejected)).filteredOn(c -> Boolean.FALSE.equals(c.get("passed")))
			.extracting(c -> c.get("field"))
			.containsExactlyInAnyOrder("owner", "meta.team");
		assertThat(violations(project)).as("guardrail failures are not metadata violations").isEmpty();
	}

	@Test
	void forbiddenFieldsPayloadSizeDisabledAndBrokenGuardrails() {
		String project = fixtures.project();
		guardrail(project, "no-passwords", true, Map.of("forbiddenFieldPattern", "(^|\\.)password$"));
		guardrail(project, "small", true, Map.of("maxPayloadBytes", 40));
		String disabled = guardrail(project, "disabled", true, Map.of("requiredFields", List.of("never")));
		owner.document("mutation($id: ID!) { updateGuardrail(id: $id, input: {enabled: false}) { id } }")
			.variable("id", disabled)
			.execute();

		assertThat(validate(fixtures.submit(project, null, Map.of("db", Map.of("host", "h"))))).containsEntry("status",
				"VALIDATED");
		Map<String, Object> forbidden = validate(fixtures.submit(project, null, Map.of("db", Map.of("password", "x"))));
		assertThat(forbidden).containsEntry("status", "REJECTED");
		assertThat(BinIntegrationTests.checks(forbidden)).filteredOn(c -> Boolean.FALSE.equals(c.get("passed")))
			.extracting(c -> c.get("ruleId"), c -> c.get("field"))
			.containsExactly(tuple("no-passwords", "db.password"));
		assertThat(validate(fixtures.submit(project, null, Map.of("text", "x".repeat(50))))).containsEntry("status",
				"REJECTED");

		owner.document("""
				mutation($p: ID) {
				  createGuardrail(projectId: $p, input: {ruleId: "broken", description: "d", severity: HIGH,
				                                         configuration: {valuePattern: "(unclosed"}}) { id }
				}""")
			.variable("p", project)
			.execute()
			.errors()
			.expect(error -> "input.configuration".equals(error.getExtensions().get("field"))
					&& error.getMessage().contains("valuePattern"));
		// A row written past the API (an older release, a script) still fails closed at
		// validation.
		db.sql("""
				INSERT INTO guardrails (id, project_id, rule_id, description, severity, auto_reject, configuration)
				VALUES (:id, :project, 'broken', 'written past the API', 'HIGH', TRUE, '{"valuePattern": "(unclosed"}')""")
			.bind("id", UUID.randomUUID().toString())
			.bind("project", project)
			.then()
			.block();
		Map<String, Object> broken = validate(fixtures.submit(project, null, Map.of("a", "b")));
		assertThat(broken).containsEntry("status", "REJECTED");
		assertThat(BinIntegrationTests.checks(broken)).filteredOn(c -> Boolean.FALSE.equals(c.get("passed")))
			.extracting(c -> c.get("ruleId"), c -> c.get("rule"))
			.containsExactly(tuple("broken", "configuration"));
	}

	private Map<String, Object> validate(String id) {
		return fixtures.transition("validateChange", id).path("validateChange").entity(Map.class).get();
	}

	private String guardrail(String project, String rule, boolean autoReject, Map<String, Object> configuration) {
		return fixtures.guardrail(project, Map.of("ruleId", rule, "description", "test rule", "severity", "HIGH",
				"autoReject", autoReject, "configuration", configuration));
	}

	private List<Map<String, Object>> violations(String project) {
		List<Map<String, Object>> edges = owner.document(VIOLATIONS)
			.variable("project", project)
			.execute()
			.path("metadataViolations.edges")
			.entity(List.class)
			.get();
		return edges.stream().map(edge -> (Map<String, Object>) edge.get("node")).toList();
	}

	private static Map<String, Object> zulu() {
		return Map.of("id", "ts-001-zulu", "enforcementLevel", "ERROR");
	}

}

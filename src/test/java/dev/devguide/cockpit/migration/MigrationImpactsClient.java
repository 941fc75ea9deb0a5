package dev.devguide.cockpit.migration;

import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Callers and requests of the enum migration, impact, test result and file audit tests:
 * an admin, a migration persona and a plain user; rows made through the API; the tables
 * emptied before and after each test (they are these tests' own; the phase rows are never
 * touched).
 */
final class MigrationImpactsClient {

	final String run = UUID.randomUUID().toString().substring(0, 8);

	final String adminId = "architect-" + run;

	final String personaId = "sentinel-" + run;

	final HttpGraphQlTester admin;

	final HttpGraphQlTester persona;

	final HttpGraphQlTester user;

	final TestDatabase database;

	MigrationImpactsClient(TestUsers users, DatabaseClient db) {
		admin = users.admin(adminId);
		persona = users.anonymous()
			.mutate()
			.header("Authorization", "Bearer " + users.token(personaId, List.of("user", "migration")))
			.build();
		user = users.user("plain-" + run);
		database = new TestDatabase(db);
	}

	/** Empties the tables these tests write (and the file audit's violations). */
	void clean() {
		database.rows("DELETE FROM metadata_violations WHERE resource_type = 'file_audit'", Map.of());
		for (String table : List.of("v7_enum_migrations", "v7_global_impacts", "v7_test_results", "file_audit")) {
			database.rows("DELETE FROM " + table, Map.of());
		}
	}

	GraphQlTester.Response call(HttpGraphQlTester caller, String document, Map<String, Object> variables) {
		GraphQlTester.Request<?> request = caller.document(document);
		for (Map.Entry<String, Object> variable : variables.entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		return request.execute();
	}

	/** The field's value of a successful call. */
	@SuppressWarnings("unchecked")
	Map<String, Object> ok(HttpGraphQlTester caller, String field, String document, Map<String, Object> variables) {
		return call(caller, document, variables).path(field).entity(Map.class).get();
	}

	/** The actions and outcomes of the audit rows about {@code resourceId}, in order. */
	List<String> audit(String resourceId) {
		return database
			.rows("SELECT action, status FROM audit_logs WHERE resource_id = :id ORDER BY id", Map.of("id", resourceId))
			.stream()
			.map(row -> row.get("action") + " " + row.get("status"))
			.toList();
	}

	/** One row of a table by id, as the database holds it. */
	Map<String, Object> row(String table, String id) {
		return database.rows("SELECT * FROM " + table + " WHERE id = :id", Map.of("id", id)).get(0);
	}

	/**
	 * The input of a global impact of the given risk, for the phase given (null: none).
	 */
	static Map<String, Object> impact(String risk, List<String> workflows, List<Integer> layers, Integer phase) {
		Map<String, Object> input = new HashMap<>();
		input.put("changeType", "ENUM");
		input.put("changeDetail", Map.of("enum", "task_state"));
		input.put("affectedWorkflows", workflows);
		input.put("affectedLayers", layers);
		input.put("impactDescription", "Consolidates " + risk);
		input.put("riskAssessment", risk);
		if (phase != null) {
			input.put("phaseNumber", phase);
		}
		return input;
	}

	// language=GraphQL
	static final String CREATE_IMPACT = """
			mutation($input: GlobalImpactInput!) {
			  createGlobalImpact(input: $input) {
			    id riskAssessment approvalStatus reviewedByPersonas affectedWorkflows affectedLayers phaseNumber
			  }
			}""";

	// language=GraphQL
	static final String APPROVE_IMPACT = """
			mutation($id: ID!) { approveGlobalImpact(id: $id) { id approvalStatus } }""";

	/** Creates an impact as the persona; its id. */
	String impact(Map<String, Object> input) {
		return (String) ok(persona, "createGlobalImpact", CREATE_IMPACT, Map.of("input", input)).get("id");
	}

	/** Creates and approves an impact; its id. */
	String approvedImpact(String risk, Integer phase) {
		String id = impact(impact(risk, List.of("WF1"), List.of(1), phase));
		ok(admin, "approveGlobalImpact", APPROVE_IMPACT, Map.of("id", id));
		return id;
	}

}

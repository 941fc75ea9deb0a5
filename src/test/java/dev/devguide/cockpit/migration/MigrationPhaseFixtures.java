package dev.devguide.cockpit.migration;

import dev.devguide.cockpit.support.TestDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The programme's shared state and calls for its tests: the seven phases reset to their
 * seeded state (never deleted) and no tasks, which is how migration leaves them; phase
 * and task mutations through the API.
 */
final class MigrationPhaseFixtures {

	static final String PHASE_FIELDS = """
			id phaseNumber phaseName status leadPersona startedAt completedAt approvalStatus approvedBy approvalNotes
			deliverables blockers blockedFrom reviewRequestedBy createdAt updatedAt""";

	static final String TASK_FIELDS = """
			id parentPhase taskNumber taskName responsiblePersona status dartTaskId dartTaskUrl startedAt completedAt
			blockers dependencyIds deliverableUrls notes createdAt""";

	static final String MOVE_PHASE = "mutation($number: Int!, $status: MigrationPhaseStatus!) { movePhase(number: "
			+ "$number, status: $status) { " + PHASE_FIELDS + " } }";

	static final String APPROVE_PHASE = "mutation($number: Int!, $notes: String!) { approvePhase(number: $number, "
			+ "notes: $notes) { " + PHASE_FIELDS + " } }";

	static final String CREATE_TASK = "mutation($phase: Int!, $input: CreateMigrationTaskInput!) { createTask(phase: "
			+ "$phase, input: $input) { " + TASK_FIELDS + " } }";

	static final String UPDATE_TASK = "mutation($id: ID!, $input: UpdateMigrationTaskInput!) { updateTask(id: $id, "
			+ "input: $input) { " + TASK_FIELDS + " } }";

	static final String MOVE_TASK = "mutation($id: ID!, $status: MigrationTaskStatus!) { moveTask(id: $id, status: "
			+ "$status) { " + TASK_FIELDS + " } }";

	/**
	 * The seeded names and lead personas, by phase number (480-migration-programme.sql).
	 */
	private static final List<List<String>> SEEDED = List.of(List.of("Discovery and Assessment", "The Architect"),
			List.of("Naming Convention Design", "Layer Guardians"),
			List.of("ENUM Consolidation Design", "DB Team Lead"), List.of("Database Phase", "The Architect"),
			List.of("File Migration", "Dev Team"), List.of("Testing and Validation", "Test Sentinel"),
			List.of("Retirement and Cutover", "The Architect"));

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private MigrationPhaseFixtures() {
	}

	/** Deletes every task and puts the seven phases back as the changeset seeds them. */
	static void reset(DatabaseClient db) {
		TestDatabase database = new TestDatabase(db);
		database.rows("DELETE FROM v7_subworkflow_tasks", Map.of());
		for (int number = 1; number <= SEEDED.size(); number++) {
			database.rows("""
					UPDATE v7_migration_workflow
					SET phase_name = :name, lead_persona = :lead, status = 'not_started', started_at = NULL,
					    completed_at = NULL, approval_status = NULL, approved_by = NULL, approval_notes = NULL,
					    blocked_from = NULL, review_requested_by = NULL, blockers = JSON_ARRAY(),
					    deliverables = CASE WHEN phase_number = 4 THEN JSON_ARRAY('V7 tracking tables',
					        'file_audit V7 columns', 'Initial migration data', 'Monitoring view v7_migration_dashboard',
					        'Tested rollback') ELSE JSON_ARRAY() END
					WHERE phase_number = :number""", Map.of("name", SEEDED.get(number - 1).get(0), "lead",
					SEEDED.get(number - 1).get(1), "number", number));
		}
	}

	static GraphQlTester.Response movePhase(HttpGraphQlTester tester, int number, String status) {
		return tester.document(MOVE_PHASE).variable("number", number).variable("status", status).execute();
	}

	/** Moves the phase, expecting success; the phase as it then is. */
	static Map<String, Object> moved(HttpGraphQlTester tester, int number, String status) {
		return movePhase(tester, number, status).path("movePhase").entity(MAP).get();
	}

	static GraphQlTester.Response approvePhase(HttpGraphQlTester tester, int number, String notes) {
		return tester.document(APPROVE_PHASE).variable("number", number).variable("notes", notes).execute();
	}

	static GraphQlTester.Response createTask(HttpGraphQlTester tester, int phase, Map<String, Object> input) {
		return tester.document(CREATE_TASK).variable("phase", phase).variable("input", input).execute();
	}

	/** Creates task {@code number} of the phase, depending on the given tasks; its id. */
	static String task(HttpGraphQlTester tester, int phase, int number, String... dependencies) {
		return (String) createTask(tester, phase,
				input("taskNumber", number, "taskName", "Task " + phase + "." + number, "responsiblePersona",
						"DB Team Lead", "dependencies", List.of(dependencies)))
			.path("createTask")
			.entity(MAP)
			.get()
			.get("id");
	}

	static GraphQlTester.Response updateTask(HttpGraphQlTester tester, String id, Map<String, Object> input) {
		return tester.document(UPDATE_TASK).variable("id", id).variable("input", input).execute();
	}

	static GraphQlTester.Response moveTask(HttpGraphQlTester tester, String id, String status) {
		return tester.document(MOVE_TASK).variable("id", id).variable("status", status).execute();
	}

	/** Moves the task, expecting success; the task as it then is. */
	static Map<String, Object> movedTask(HttpGraphQlTester tester, String id, String status) {
		return moveTask(tester, id, status).path("moveTask").entity(MAP).get();
	}

	/** Moves the task to in progress and completed. */
	static void complete(HttpGraphQlTester tester, String id) {
		movedTask(tester, id, "IN_PROGRESS");
		movedTask(tester, id, "COMPLETED");
	}

	static Map<String, Object> input(Object... keysAndValues) {
		Map<String, Object> input = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			input.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return input;
	}

	/** The phase's row as the database holds it. */
	static Map<String, Object> phaseRow(DatabaseClient db, int number) {
		return new TestDatabase(db)
			.rows("SELECT * FROM v7_migration_workflow WHERE phase_number = :number", Map.of("number", number))
			.get(0);
	}

	/** The task's row as the database holds it. */
	static Map<String, Object> taskRow(DatabaseClient db, String id) {
		return new TestDatabase(db).rows("SELECT * FROM v7_subworkflow_tasks WHERE id = :id", Map.of("id", id)).get(0);
	}

	/** How many audit rows the user has of the action with the status. */
	static long audits(DatabaseClient db, String user, String action, String status) {
		return ((Number) new TestDatabase(db).rows("""
				SELECT COUNT(*) AS n FROM audit_logs WHERE user_id = :user AND action = :action AND status = :status""",
				Map.of("user", user, "action", action, "status", status))
			.get(0)
			.get("n")).longValue();
	}

}

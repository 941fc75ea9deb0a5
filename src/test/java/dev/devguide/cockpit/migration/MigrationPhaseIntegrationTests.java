package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.MAP;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.PHASE_FIELDS;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.approvePhase;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.audits;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.complete;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.input;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.movePhase;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.moved;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.phaseRow;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.util.Collections;
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
 * The programme's phases through the real server: who reads and writes them, the
 * workflow's moves and the timestamps they set, blocking and returning, the two-person
 * approval, completion only with every task completed, the edited lists and their limits;
 * refusals change nothing and every mutation leaves an audit row.
 */
@IntegrationTest
class MigrationPhaseIntegrationTests {

	private static final String PHASES = "{ migrationPhases { " + PHASE_FIELDS + " } }";

	private static final String PHASE = "query($number: Int!) { migrationPhase(number: $number) { " + PHASE_FIELDS
			+ " } }";

	private static final String UPDATE = "mutation($number: Int!, $input: UpdateMigrationPhaseInput!) { "
			+ "updatePhase(number: $number, input: $input) { " + PHASE_FIELDS + " } }";

	@Autowired
	DatabaseClient db;

	@Autowired
	TestUsers users;

	String run;

	HttpGraphQlTester persona;

	HttpGraphQlTester architect;

	HttpGraphQlTester user;

	@BeforeEach
	void setUp() {
		MigrationPhaseFixtures.reset(db);
		run = UUID.randomUUID().toString().substring(0, 8);
		persona = users.migration("persona-" + run);
		architect = users.admin("architect-" + run);
		user = users.user("user-" + run);
	}

	@Test
	@SuppressWarnings("unchecked")
	void adminsAndTheMigrationRoleReadTheSevenPhasesInOrderAndOthersAreRefused() {
		for (HttpGraphQlTester reader : List.of(persona, architect)) {
			List<Map<String, Object>> phases = reader.document(PHASES)
				.execute()
				.path("migrationPhases")
				.entityList(MAP)
				.get();
			assertThat(phases).extracting(phase -> phase.get("phaseNumber")).containsExactly(1, 2, 3, 4, 5, 6, 7);
			assertThat(phases.get(3)).containsEntry("phaseName", "Database Phase")
				.containsEntry("status", "NOT_STARTED")
				.containsEntry("leadPersona", "The Architect")
				.containsEntry("id", "7a000000-0000-4000-8000-000000000004")
				.containsEntry("blockers", List.of())
				.containsEntry("blockedFrom", null)
				.containsEntry("startedAt", null);
			assertThat((List<Object>) phases.get(3).get("deliverables")).contains("Tested rollback").hasSize(5);
			assertThat(reader.document(PHASE)
				.variable("number", 6)
				.execute()
				.path("migrationPhase.phaseName")
				.entity(String.class)
				.get()).isEqualTo("Testing and Validation");
		}
		Errors.expect(user.document(PHASES).execute(), "FORBIDDEN", null, "migration role");
		Errors.expect(user.document(PHASE).variable("number", 4).execute(), "FORBIDDEN", null, null);
		Errors.expect(persona.document(PHASE).variable("number", 8).execute(), "NOT_FOUND", null, "8");
		Errors.expect(persona.document(PHASE).variable("number", 0).execute(), "BAD_REQUEST", "number", null);
	}

	@Test
	void aPhaseMovesThroughTheWorkflowAndTheMovesSetTheTimestamps() {
		Map<String, Object> started = moved(persona, 2, "IN_PROGRESS");
		assertThat(started).containsEntry("status", "IN_PROGRESS").containsEntry("completedAt", null);
		assertThat(started.get("startedAt")).isNotNull();
		Map<String, Object> review = moved(persona, 2, "REVIEW");
		assertThat(review).containsEntry("reviewRequestedBy", "persona-" + run)
			.containsEntry("approvalStatus", "pending");
		Map<String, Object> approved = approvePhase(architect, 2, "Naming convention reviewed").path("approvePhase")
			.entity(MAP)
			.get();
		assertThat(approved).containsEntry("status", "APPROVED")
			.containsEntry("approvalStatus", "approved")
			.containsEntry("approvedBy", "architect-" + run)
			.containsEntry("approvalNotes", "Naming convention reviewed");
		Map<String, Object> completed = moved(persona, 2, "COMPLETED");
		assertThat(completed.get("completedAt")).isNotNull();
		assertThat(completed).containsEntry("startedAt", started.get("startedAt"));

		Map<String, Object> rolledBack = moved(persona, 2, "ROLLED_BACK");
		assertThat(rolledBack).containsEntry("status", "ROLLED_BACK")
			.containsEntry("completedAt", null)
			.containsEntry("approvalStatus", "revoked")
			.containsEntry("approvedBy", "architect-" + run);
		Map<String, Object> again = moved(persona, 2, "IN_PROGRESS");
		assertThat(again).containsEntry("startedAt", started.get("startedAt")).containsEntry("reviewRequestedBy", null);
		moved(persona, 2, "REVIEW");
		approvePhase(architect, 2, "Second round").path("approvePhase.status")
			.entity(String.class)
			.isEqualTo("APPROVED");
		assertThat(moved(persona, 2, "ROLLED_BACK")).containsEntry("status", "ROLLED_BACK");

		assertThat(audits(db, "persona-" + run, "migration_phase.move", "success")).isEqualTo(7);
		assertThat(audits(db, "architect-" + run, "migration_phase.approve", "success")).isEqualTo(2);
		Map<String, Object> row = new dev.devguide.cockpit.support.TestDatabase(db)
			.rows("""
					SELECT resource_type, resource_id, JSON_VALUE(metadata, '$.status') AS status FROM audit_logs
					WHERE user_id = :user AND action = 'migration_phase.move' ORDER BY id DESC LIMIT 1""",
					Map.of("user", "persona-" + run))
			.get(0);
		assertThat(row).containsEntry("resource_type", "migration_phase")
			.containsEntry("resource_id", "7a000000-0000-4000-8000-000000000002")
			.containsEntry("status", "rolled_back");
	}

	@Test
	void anyOtherMoveIsABadRequestNamingTheCurrentStatusAndChangesNothing() {
		Map<String, Object> before = phaseRow(db, 3);
		for (String target : List.of("REVIEW", "APPROVED", "COMPLETED", "BLOCKED", "ROLLED_BACK", "NOT_STARTED")) {
			Errors.expect(movePhase(persona, 3, target), "BAD_REQUEST", "status", "phase 3 is not_started");
		}
		assertThat(phaseRow(db, 3)).isEqualTo(before);
		moved(persona, 3, "IN_PROGRESS");
		moved(persona, 3, "REVIEW");
		Map<String, Object> inReview = phaseRow(db, 3);
		Errors.expect(movePhase(persona, 3, "APPROVED"), "BAD_REQUEST", "status", "approvePhase");
		Errors.expect(movePhase(persona, 3, "COMPLETED"), "BAD_REQUEST", "status", "phase 3 is review");
		Errors.expect(movePhase(persona, 3, "IN_PROGRESS"), "BAD_REQUEST", "status", "phase 3 is review");
		assertThat(phaseRow(db, 3)).isEqualTo(inReview);
		assertThat(audits(db, "persona-" + run, "migration_phase.move", "failure")).isEqualTo(9);
		Errors.expect(movePhase(persona, 9, "IN_PROGRESS"), "NOT_FOUND", null, "Migration phase 9");
	}

	@Test
	void aBlockedPhaseReturnsOnlyToWhereItWasBlockedFrom() {
		moved(persona, 5, "IN_PROGRESS");
		assertThat(moved(persona, 5, "BLOCKED")).containsEntry("status", "BLOCKED")
			.containsEntry("blockedFrom", "IN_PROGRESS");
		Errors.expect(movePhase(persona, 5, "REVIEW"), "BAD_REQUEST", "status", "phase 5 is blocked");
		assertThat(moved(persona, 5, "IN_PROGRESS")).containsEntry("blockedFrom", null);

		moved(persona, 5, "REVIEW");
		assertThat(moved(persona, 5, "BLOCKED")).containsEntry("blockedFrom", "REVIEW");
		Errors.expect(movePhase(persona, 5, "IN_PROGRESS"), "BAD_REQUEST", "status", "it can move to review");
		assertThat(moved(persona, 5, "REVIEW")).containsEntry("reviewRequestedBy", "persona-" + run)
			.containsEntry("blockedFrom", null);
		Errors.expect(movePhase(persona, 6, "BLOCKED"), "BAD_REQUEST", "status", "phase 6 is not_started");
	}

	@Test
	void onlyAnAdminOtherThanTheOneWhoAskedForTheReviewApproves() {
		Errors.expect(approvePhase(architect, 1, "Too early"), "BAD_REQUEST", "number", "phase 1 is not_started");
		moved(architect, 1, "IN_PROGRESS");
		moved(architect, 1, "REVIEW");
		Map<String, Object> before = phaseRow(db, 1);
		Errors.expect(approvePhase(architect, 1, "My own work"), "FORBIDDEN", null, "second person");
		Errors.expect(approvePhase(persona, 1, "Not an admin"), "FORBIDDEN", null, "Only admins");
		assertThat(phaseRow(db, 1)).isEqualTo(before);
		assertThat(audits(db, "architect-" + run, "migration_phase.approve", "failure")).isEqualTo(2);
		assertThat(audits(db, "persona-" + run, "migration_phase.approve", "failure")).isEqualTo(1);

		HttpGraphQlTester second = users.admin("second-architect-" + run);
		assertThat(approvePhase(second, 1, "Reviewed by a second person").path("approvePhase").entity(MAP).get())
			.containsEntry("status", "APPROVED")
			.containsEntry("approvedBy", "second-architect-" + run)
			.containsEntry("reviewRequestedBy", "architect-" + run);
		Map<String, Object> row = phaseRow(db, 1);
		assertThat(row).containsEntry("approved_by", "second-architect-" + run)
			.containsEntry("approval_notes", "Reviewed by a second person")
			.containsEntry("approval_status", "approved");
	}

	@Test
	void theApproverIsRecordedWhateverTheLengthOfTheirSubject() {
		moved(persona, 3, "IN_PROGRESS");
		moved(persona, 3, "REVIEW");
		String subject = "architect-" + run + "-" + "a".repeat(180);
		approvePhase(users.admin(subject), 3, "Long subject").path("approvePhase.approvedBy")
			.entity(String.class)
			.isEqualTo(subject);
		assertThat(phaseRow(db, 3)).containsEntry("approved_by", subject);
	}

	@Test
	void aPhaseCompletesOnlyWhenEveryTaskIsCompleted() {
		String first = task(persona, 7, 1);
		String second = task(persona, 7, 2);
		complete(persona, first);
		moved(persona, 7, "IN_PROGRESS");
		moved(persona, 7, "REVIEW");
		approvePhase(architect, 7, "Ready").path("approvePhase.status").entity(String.class).isEqualTo("APPROVED");
		Map<String, Object> before = phaseRow(db, 7);
		Errors.expect(movePhase(persona, 7, "COMPLETED"), "BAD_REQUEST", "status",
				"1 of its 2 tasks are not completed: task 7.2 (Task 7.2) is pending");
		assertThat(phaseRow(db, 7)).isEqualTo(before);
		complete(persona, second);
		assertThat(moved(persona, 7, "COMPLETED")).containsEntry("status", "COMPLETED");
	}

	@Test
	void updatePhaseEditsTheListsWithinTheirLimitsAndNothingElse() {
		Map<String, Object> updated = persona.document(UPDATE)
			.variable("number", 2)
			.variable("input",
					input("deliverables", List.of("Naming convention", "  Rename plan  "), "blockers",
							List.of("Waiting for DB Team Lead"), "leadPersona", "The Architect"))
			.execute()
			.path("updatePhase")
			.entity(MAP)
			.get();
		assertThat(updated).containsEntry("deliverables", List.of("Naming convention", "Rename plan"))
			.containsEntry("blockers", List.of("Waiting for DB Team Lead"))
			.containsEntry("leadPersona", "The Architect")
			.containsEntry("phaseName", "Naming Convention Design")
			.containsEntry("status", "NOT_STARTED");
		assertThat(phaseRow(db, 2).get("deliverables").toString()).contains("Rename plan");
		assertThat(audits(db, "persona-" + run, "migration_phase.update", "success")).isEqualTo(1);

		Map<String, Object> before = phaseRow(db, 2);
		Errors.expect(update(input("deliverables", Collections.nCopies(101, "x"))), "BAD_REQUEST", "input.deliverables",
				"at most 100 items");
		Errors.expect(update(input("blockers", List.of("y".repeat(501)))), "BAD_REQUEST", "input.blockers",
				"at most 500 characters");
		Errors.expect(update(input("phaseName", " ")), "BAD_REQUEST", "input.phaseName", "blank");
		assertThat(phaseRow(db, 2)).isEqualTo(before);
		assertThat(audits(db, "persona-" + run, "migration_phase.update", "failure")).isEqualTo(3);
	}

	@Test
	void callersWithoutTheMigrationRoleChangeNothing() {
		Map<String, Object> before = phaseRow(db, 4);
		Errors.expect(movePhase(user, 4, "IN_PROGRESS"), "FORBIDDEN", null, "migration role");
		Errors.expect(user.document(UPDATE)
			.variable("number", 4)
			.variable("input", input("blockers", List.of("z")))
			.execute(), "FORBIDDEN", null, null);
		Errors.expect(approvePhase(user, 4, "No"), "FORBIDDEN", null, null);
		assertThat(phaseRow(db, 4)).isEqualTo(before);
		assertThat(audits(db, "user-" + run, "migration_phase.move", "failure")).isEqualTo(1);
		assertThat(audits(db, "user-" + run, "migration_phase.update", "failure")).isEqualTo(1);
	}

	private GraphQlTester.Response update(Map<String, Object> input) {
		return persona.document(UPDATE).variable("number", 2).variable("input", input).execute();
	}

}

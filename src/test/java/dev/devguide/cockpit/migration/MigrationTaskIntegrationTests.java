package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.MAP;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.TASK_FIELDS;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.approvePhase;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.audits;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.complete;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.createTask;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.input;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.moveTask;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.moved;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.movedTask;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.task;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.taskRow;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.updateTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.GeneralLog;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The phases' tasks through the real server: every column written and read, the relations
 * (phase, tasks, dependencies, dependents) one statement a batch, unique task numbers,
 * unknown and cyclic dependencies refused with the index and the cycle named, no start or
 * completion before the dependencies, the task moves, no task for a completed phase;
 * refusals change nothing and every mutation leaves an audit row.
 */
@IntegrationTest
class MigrationTaskIntegrationTests {

	private static final String TASK = "query($id: ID!) { migrationTask(id: $id) { " + TASK_FIELDS
			+ " phase { phaseNumber phaseName } dependencies { id taskNumber } dependents { id taskNumber } } }";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	DatabaseClient db;

	@Autowired
	ConnectionFactory connections;

	@Autowired
	TestUsers users;

	String run;

	HttpGraphQlTester persona;

	@BeforeEach
	void setUp() {
		MigrationPhaseFixtures.reset(db);
		run = UUID.randomUUID().toString().substring(0, 8);
		persona = users.migration("persona-" + run);
	}

	@Test
	void aTaskIsCreatedPendingWithEveryColumnAndReadWithItsRelations() {
		String first = task(persona, 4, 1);
		Map<String, Object> created = createTask(persona, 4,
				input("taskNumber", 2, "taskName", "Script review", "responsiblePersona", "DB Team Lead", "dartTaskId",
						"DART-42", "dartTaskUrl", "https://dart.example/t/42", "blockers",
						List.of("Waiting for the Architect"), "dependencies", List.of(first), "deliverableUrls",
						List.of("https://docs.example/review"), "notes", "Section 5"))
			.path("createTask")
			.entity(MAP)
			.get();
		String id = (String) created.get("id");
		assertThat(created).containsEntry("parentPhase", 4)
			.containsEntry("taskNumber", 2)
			.containsEntry("taskName", "Script review")
			.containsEntry("responsiblePersona", "DB Team Lead")
			.containsEntry("status", "PENDING")
			.containsEntry("dartTaskId", "DART-42")
			.containsEntry("dartTaskUrl", "https://dart.example/t/42")
			.containsEntry("startedAt", null)
			.containsEntry("completedAt", null)
			.containsEntry("blockers", List.of("Waiting for the Architect"))
			.containsEntry("dependencyIds", List.of(first))
			.containsEntry("deliverableUrls", List.of("https://docs.example/review"))
			.containsEntry("notes", "Section 5");
		assertThat(created.get("createdAt")).isNotNull();
		assertThat(taskRow(db, id)).containsEntry("status", "pending").containsEntry("parent_phase", 4);
		assertThat(audits(db, "persona-" + run, "migration_task.create", "success")).isEqualTo(2);

		Map<String, Object> read = persona.document(TASK)
			.variable("id", id)
			.execute()
			.path("migrationTask")
			.entity(MAP)
			.get();
		assertThat(read.get("phase")).isEqualTo(Map.of("phaseNumber", 4, "phaseName", "Database Phase"));
		assertThat(read.get("dependencies")).isEqualTo(List.of(Map.of("id", first, "taskNumber", 1)));
		assertThat(read.get("dependents")).isEqualTo(List.of());
		assertThat(persona.document(TASK)
			.variable("id", first)
			.execute()
			.path("migrationTask.dependents[*].id")
			.entityList(String.class)
			.get()).containsExactly(id);

		Map<String, Object> updated = updateTask(persona, id, input("taskName", "Script review and validation",
				"dartTaskId", null, "notes", null, "blockers", List.of()))
			.path("updateTask")
			.entity(MAP)
			.get();
		assertThat(updated).containsEntry("taskName", "Script review and validation")
			.containsEntry("dartTaskId", null)
			.containsEntry("notes", null)
			.containsEntry("blockers", List.of())
			.containsEntry("dartTaskUrl", "https://dart.example/t/42")
			.containsEntry("dependencyIds", List.of(first));
		assertThat(audits(db, "persona-" + run, "migration_task.update", "success")).isEqualTo(1);

		HttpGraphQlTester user = users.user("user-" + run);
		Errors.expect(user.document(TASK).variable("id", id).execute(), "FORBIDDEN", null, "migration role");
		Errors.expect(createTask(user, 4, input("taskNumber", 3, "taskName", "No", "responsiblePersona", "Nobody")),
				"FORBIDDEN", null, null);
		Errors.expect(moveTask(user, id, "IN_PROGRESS"), "FORBIDDEN", null, null);
		assertThat(audits(db, "user-" + run, "migration_task.create", "failure")).isEqualTo(1);
		Errors.expect(persona.document(TASK).variable("id", "no-such-task").execute(), "NOT_FOUND", null,
				"no-such-task");
	}

	@Test
	void theRelationsLoadInOneStatementPerBatch() {
		for (int phase = 1; phase <= 3; phase++) {
			String first = task(persona, phase, 1);
			String second = task(persona, phase, 2, first);
			task(persona, phase, 3, first, second);
		}
		String query = """
				{ migrationPhases { phaseNumber tasks { taskNumber phase { phaseNumber }
				  dependencies { taskNumber } dependents { taskNumber } } } }""";
		List<String> statements = GeneralLog.statementsWhile(db, "SELECT%FROM v7_%", () -> {
			List<Map<String, Object>> phases = persona.document(query)
				.execute()
				.path("migrationPhases")
				.entityList(MAP)
				.get();
			assertThat(phases.get(1).get("tasks")).isEqualTo(List.of(
					Map.of("taskNumber", 1, "phase", Map.of("phaseNumber", 2), "dependencies", List.of(), "dependents",
							List.of(Map.of("taskNumber", 2), Map.of("taskNumber", 3))),
					Map.of("taskNumber", 2, "phase", Map.of("phaseNumber", 2), "dependencies",
							List.of(Map.of("taskNumber", 1)), "dependents", List.of(Map.of("taskNumber", 3))),
					Map.of("taskNumber", 3, "phase", Map.of("phaseNumber", 2), "dependencies",
							List.of(Map.of("taskNumber", 1), Map.of("taskNumber", 2)), "dependents", List.of())));
			assertThat(phases.get(4).get("tasks")).isEqualTo(List.of());
		});
		assertThat(statements.stream().filter(sql -> sql.contains("FROM v7_migration_workflow")))
			.as("the phases, then the tasks' phases: %s", statements)
			.hasSize(2);
		assertThat(statements.stream().filter(sql -> sql.contains("FROM v7_subworkflow_tasks")))
			.as("the phases' tasks, their dependencies, their dependents: %s", statements)
			.hasSize(3);
	}

	@Test
	void aTaskNumberIsUniqueWithinItsPhase() {
		String first = task(persona, 3, 1);
		Errors.expect(createTask(persona, 3, input("taskNumber", 1, "taskName", "Again", "responsiblePersona", "X")),
				"BAD_REQUEST", "input.taskNumber", "phase 3 already has task 1");
		String other = task(persona, 5, 1);
		String second = task(persona, 3, 2);
		Map<String, Object> before = taskRow(db, second);
		Errors.expect(updateTask(persona, second, input("taskNumber", 1)), "BAD_REQUEST", "input.taskNumber",
				"phase 3 already has task 1 (Task 3.1)");
		assertThat(taskRow(db, second)).isEqualTo(before);
		assertThat(new TestDatabase(db).countIn("v7_subworkflow_tasks", "id", List.of(first, other, second)))
			.isEqualTo(3);
		assertThat(count("SELECT COUNT(*) AS n FROM v7_subworkflow_tasks")).isEqualTo(3);
		assertThat(audits(db, "persona-" + run, "migration_task.create", "failure")).isEqualTo(1);
		assertThat(audits(db, "persona-" + run, "migration_task.update", "failure")).isEqualTo(1);
		Errors.expect(createTask(persona, 8, input("taskNumber", 1, "taskName", "Nowhere", "responsiblePersona", "X")),
				"NOT_FOUND", null, "Migration phase 8");
	}

	@Test
	void unknownOrRepeatedDependenciesAreRefusedNamingTheirIndex() {
		String first = task(persona, 2, 1);
		Errors.expect(
				createTask(persona, 2,
						input("taskNumber", 2, "taskName", "Second", "responsiblePersona", "X", "dependencies",
								List.of(first, "no-such-task"))),
				"BAD_REQUEST", "input.dependencies[1]", "no task has the id no-such-task");
		Errors.expect(
				createTask(persona, 2, input("taskNumber", 2, "taskName", "Second", "responsiblePersona", "X",
						"dependencies", List.of(first, first))),
				"BAD_REQUEST", "input.dependencies[1]", "listed twice");
		assertThat(count("SELECT COUNT(*) AS n FROM v7_subworkflow_tasks")).isEqualTo(1);
		Map<String, Object> before = taskRow(db, first);
		Errors.expect(updateTask(persona, first, input("dependencies", List.of("gone"))), "BAD_REQUEST",
				"input.dependencies[0]", "gone");
		assertThat(taskRow(db, first)).isEqualTo(before);
	}

	@Test
	void aDependencyThatWouldMakeACycleIsRefusedNamingTheCycle() {
		String first = task(persona, 5, 1);
		String second = task(persona, 5, 2, first);
		String third = task(persona, 6, 1, second);
		Map<String, Object> before = taskRow(db, first);
		Errors.expect(updateTask(persona, first, input("dependencies", List.of(third))), "BAD_REQUEST",
				"input.dependencies[0]",
				"would make the cycle task 5.1 (Task 5.1) -> task 6.1 (Task 6.1) -> task 5.2 (Task 5.2) -> task 5.1 "
						+ "(Task 5.1)");
		Errors.expect(updateTask(persona, first, input("dependencies", List.of(first))), "BAD_REQUEST",
				"input.dependencies[0]", "task 5.1 (Task 5.1) -> task 5.1 (Task 5.1)");
		assertThat(taskRow(db, first)).isEqualTo(before);
		assertThat(audits(db, "persona-" + run, "migration_task.update", "failure")).isEqualTo(2);
		String fourth = task(persona, 6, 2);
		assertThat(updateTask(persona, first, input("dependencies", List.of(fourth))).path("updateTask.dependencyIds")
			.entityList(String.class)
			.get()).containsExactly(fourth);
	}

	@Test
	void aTaskStartsAndCompletesOnlyAfterItsDependencies() {
		String first = task(persona, 1, 1);
		String second = task(persona, 1, 2);
		String third = task(persona, 1, 3, first, second);
		Errors.expect(moveTask(persona, third, "IN_PROGRESS"), "BAD_REQUEST", "status",
				"before its dependencies are completed: task 1.1 (Task 1.1) is pending, task 1.2 (Task 1.2) is pending");
		complete(persona, first);
		movedTask(persona, second, "IN_PROGRESS");
		Map<String, Object> before = taskRow(db, third);
		Errors.expect(moveTask(persona, third, "IN_PROGRESS"), "BAD_REQUEST", "status",
				"task 1.2 (Task 1.2) is in_progress");
		assertThat(taskRow(db, third)).isEqualTo(before);
		movedTask(persona, second, "COMPLETED");
		Map<String, Object> started = movedTask(persona, third, "IN_PROGRESS");
		assertThat(started.get("startedAt")).isNotNull();
		Map<String, Object> done = movedTask(persona, third, "COMPLETED");
		assertThat(done.get("completedAt")).isNotNull();
		assertThat(done).containsEntry("startedAt", started.get("startedAt"));
		assertThat(audits(db, "persona-" + run, "migration_task.move", "failure")).isEqualTo(2);
	}

	@Test
	void anotherTaskMoveIsABadRequestNamingTheCurrentStatus() {
		String id = task(persona, 2, 1);
		Errors.expect(moveTask(persona, id, "COMPLETED"), "BAD_REQUEST", "status", "task 2.1 (Task 2.1) is pending");
		assertThat(movedTask(persona, id, "BLOCKED")).containsEntry("status", "BLOCKED");
		assertThat(movedTask(persona, id, "IN_PROGRESS")).containsEntry("status", "IN_PROGRESS");
		assertThat(movedTask(persona, id, "PENDING")).containsEntry("status", "PENDING");
		complete(persona, id);
		Map<String, Object> before = taskRow(db, id);
		Errors.expect(moveTask(persona, id, "PENDING"), "BAD_REQUEST", "status", "is completed, so it cannot move");
		assertThat(taskRow(db, id)).isEqualTo(before);
	}

	@Test
	void aTaskInProgressOnlyGainsCompletedDependencies() {
		String first = task(persona, 3, 1);
		String second = task(persona, 3, 2);
		movedTask(persona, second, "IN_PROGRESS");
		Errors.expect(updateTask(persona, second, input("dependencies", List.of(first))), "BAD_REQUEST",
				"input.dependencies[0]", "task 3.1 (Task 3.1) is pending");
		complete(persona, first);
		assertThat(updateTask(persona, second, input("dependencies", List.of(first))).path("updateTask.dependencyIds")
			.entityList(String.class)
			.get()).containsExactly(first);
	}

	@Test
	void aCompletedPhaseTakesNoNewTask() {
		HttpGraphQlTester architect = users.admin("architect-" + run);
		moved(persona, 6, "IN_PROGRESS");
		moved(persona, 6, "REVIEW");
		approvePhase(architect, 6, "Fine").path("approvePhase.status").entity(String.class).isEqualTo("APPROVED");
		moved(persona, 6, "COMPLETED");
		Errors.expect(createTask(persona, 6, input("taskNumber", 1, "taskName", "Late", "responsiblePersona", "X")),
				"BAD_REQUEST", "phase", "phase 6 is completed");
		assertThat(count("SELECT COUNT(*) AS n FROM v7_subworkflow_tasks")).isZero();
	}

	@Test
	void twoEdgesThatTogetherMakeACycleCannotBothBeAdded() {
		String first = task(persona, 2, 1);
		String second = task(persona, 3, 1);
		CompletableFuture<GraphQlTester.Response> one;
		CompletableFuture<GraphQlTester.Response> other;
		Connection holder = lockPhase(1);
		try {
			one = CompletableFuture
				.supplyAsync(() -> updateTask(persona, first, input("dependencies", List.of(second))));
			other = CompletableFuture
				.supplyAsync(() -> updateTask(persona, second, input("dependencies", List.of(first))));
			awaitLockWaits(2);
		}
		finally {
			release(holder);
		}
		List<GraphQlTester.Response> responses = List.of(one.join(), other.join());
		long refused = responses.stream().filter(response -> {
			List<?> errors = response.returnResponse().getErrors();
			return !errors.isEmpty();
		}).count();
		assertThat(refused).as("exactly one of the two edges is refused").isEqualTo(1);
		for (GraphQlTester.Response response : responses) {
			if (!response.returnResponse().getErrors().isEmpty()) {
				Errors.expect(response, "BAD_REQUEST", "input.dependencies[0]", "would make the cycle");
			}
		}
		List<Map<String, Object>> edges = new TestDatabase(db)
			.rows("SELECT id FROM v7_subworkflow_tasks WHERE JSON_LENGTH(dependencies) > 0", Map.of());
		assertThat(edges).hasSize(1);
	}

	@Test
	void aTaskCreatedWhilePhaseCompletesWaitsAndIsRefused() {
		HttpGraphQlTester architect = users.admin("architect-" + run);
		moved(persona, 7, "IN_PROGRESS");
		moved(persona, 7, "REVIEW");
		approvePhase(architect, 7, "Go").path("approvePhase.status").hasValue();
		CompletableFuture<GraphQlTester.Response> created;
		Connection holder = lockPhase(1);
		try {
			created = CompletableFuture.supplyAsync(() -> createTask(persona, 7,
					input("taskNumber", 1, "taskName", "Late", "responsiblePersona", "Dev Team")));
			awaitLockWaits(1);
			assertThat(moved(persona, 7, "COMPLETED")).containsEntry("status", "COMPLETED");
		}
		finally {
			release(holder);
		}
		Errors.expect(created.join(), "BAD_REQUEST", "phase", "phase 7 is completed");
		assertThat(new TestDatabase(db).rows("SELECT id FROM v7_subworkflow_tasks", Map.of())).isEmpty();
	}

	/** Locks the phase's row in a transaction of its own, until {@link #release}. */
	private Connection lockPhase(int number) {
		Connection connection = Mono.from(connections.create()).block(TIMEOUT);
		Mono.from(connection.beginTransaction()).block(TIMEOUT);
		Flux.from(connection
			.createStatement("SELECT id FROM v7_migration_workflow WHERE phase_number = " + number + " FOR UPDATE")
			.execute()).flatMap(result -> result.map((row, metadata) -> String.valueOf(row.get(0)))).blockLast(TIMEOUT);
		return connection;
	}

	private static void release(Connection connection) {
		Mono.from(connection.rollbackTransaction()).block(TIMEOUT);
		Mono.from(connection.close()).block(TIMEOUT);
	}

	/** Waits until {@code count} transactions wait for a lock (the test's, here). */
	private void awaitLockWaits(int count) {
		await().atMost(TIMEOUT)
			.pollInterval(Duration.ofMillis(10))
			.until(() -> ((Number) new TestDatabase(db)
				.rows("SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'", Map.of())
				.get(0)
				.get("n")).longValue() >= count);
	}

	private long count(String sql) {
		return ((Number) new TestDatabase(db).rows(sql, Map.of()).get(0).get("n")).longValue();
	}

}

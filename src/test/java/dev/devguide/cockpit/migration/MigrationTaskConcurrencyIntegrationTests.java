package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.createTask;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.input;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.moved;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.task;
import static dev.devguide.cockpit.migration.MigrationPhaseFixtures.updateTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.devguide.cockpit.support.Errors;
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
 * The task graph's writes that could race, made to overlap on purpose: the test holds a
 * phase row's lock while the writes start, sees them wait for it (InnoDB's LOCK WAIT,
 * observed rather than guessed), and lets them go. Two edges that together make a cycle:
 * one is refused. A task created while its phase completes: it waits, then finds the
 * phase completed.
 */
@IntegrationTest
class MigrationTaskConcurrencyIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	DatabaseClient db;

	@Autowired
	ConnectionFactory connections;

	@Autowired
	TestUsers users;

	HttpGraphQlTester persona;

	String run;

	@BeforeEach
	void setUp() {
		MigrationPhaseFixtures.reset(db);
		run = UUID.randomUUID().toString().substring(0, 8);
		persona = users.migration("persona-" + run);
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
		MigrationPhaseFixtures.approvePhase(architect, 7, "Go").path("approvePhase.status").hasValue();
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

}

package dev.devguide.cockpit.bin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GraphQlSockets;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TableLock;
import dev.devguide.cockpit.support.TestUsers;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The Bin's subscriptions over WebSocket (graphql-transport-ws) on one instance: the
 * events of submit, validate and propagate in order, the filters, resuming after a
 * cursor, and authorization before anything streams.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class SubscriptionIntegrationTests {

	// language=GraphQL
	static final String STATUS = """
			subscription($p: ID!, $statuses: [SyncStatus!], $after: String) {
			  syncBufferStatusChanged(projectId: $p, statuses: $statuses, after: $after) {
			    cursor previousStatus newStatus at
			    change { id status createdAt validatedAt propagatedAt impactAnalysis sourceModule { moduleType } }
			  }
			}""";

	// language=GraphQL
	static final String VIOLATIONS = """
			subscription($p: ID!, $standards: [ID!], $levels: [EnforcementLevel!], $after: String) {
			  violationDetected(projectId: $p, standardIds: $standards, enforcementLevels: $levels, after: $after) {
			    cursor enforcementLevel
			    violation { id resourceId projectId violationValue suggestedFix status standard { id } }
			  }
			}""";

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	ConnectionFactory connections;

	String ownerId;

	HttpGraphQlTester owner;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		ownerId = "subscriber-" + UUID.randomUUID();
		owner = users.user(ownerId);
		fixtures = new Fixtures(owner);
	}

	/**
	 * The events are collected while the changes are made and checked once all three are
	 * in: an event may reach the socket before the HTTP answer of the mutation that made
	 * it reaches the test, so the change's id is not known when the first event arrives.
	 */
	@Test
	void deliversTheEventsOfSubmitValidateAndPropagateInOrder() {
		Fixtures.Hierarchy h = fixtures.hierarchy(List.of(List.of("checklist")));
		WebSocketGraphQlTester socket = socket(users.token(ownerId, List.of("user")));
		CompletableFuture<List<Map<String, Object>>> events = statusEvents(socket, h.projectId(), null, "0").take(3)
			.collectList()
			.toFuture();

		String id = fixtures.submit(h.projectId(), h.moduleIds().get(0).get(0), Map.of("k", "v"));
		fixtures.move("validateChange", id);
		fixtures.move("propagateChange", id);

		List<Map<String, Object>> received = events.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
		assertThat(received).hasSize(3);
		assertStep(received.get(0), id, null, "PENDING", "createdAt");
		assertStep(received.get(1), id, "PENDING", "VALIDATED", "validatedAt");
		assertStep(received.get(2), id, "VALIDATED", "PROPAGATED", "propagatedAt");
		Map<String, Object> change = (Map<String, Object>) received.get(2).get("change");
		assertThat(change.get("sourceModule")).isEqualTo(Map.of("moduleType", "checklist"));
		assertThat((Map<String, Object>) change.get("impactAnalysis")).containsEntry("dashboardIds", h.dashboardIds());
		socket.stop().block(WAIT);
	}

	/**
	 * Makes the race of the defect happen on purpose: the first event's selection waits
	 * for a read of {@code modules} (held back by a table lock from another connection),
	 * while the second event needs no read at all. Both come out of the outbox together.
	 * graphql-java publishes subscription results as their selections complete unless it
	 * is told to keep them in order, so without that the second event overtook the first.
	 */
	@Test
	void keepsCommitOrderWhenAnEarlierEventResolvesMoreSlowly() {
		Fixtures.Hierarchy h = fixtures.hierarchy(List.of(List.of("checklist")));
		String slow = fixtures.submit(h.projectId(), h.moduleIds().get(0).get(0), Map.of("k", "v"));
		String fast = fixtures.submit(h.projectId(), null, Map.of("k", "v"));
		WebSocketGraphQlTester socket = socket(users.token(ownerId, List.of("user")));
		Flux<Map<String, Object>> events = statusEvents(socket, h.projectId(), null, "0");

		try (TableLock lock = TableLock.write(connections, "modules")) {
			StepVerifier.create(events.take(2))
				.expectSubscription()
				.then(() -> lock.awaitBlockedRead("FROM modules"))
				.then(lock::release)
				.assertNext(event -> assertStep(event, slow, null, "PENDING", "createdAt"))
				.assertNext(event -> assertStep(event, fast, null, "PENDING", "createdAt"))
				.expectComplete()
				.verify(WAIT);
		}
		socket.stop().block(WAIT);
	}

	/**
	 * A subscription lives long; the rows its events point at change meanwhile. Each
	 * event's relations are read for that event, not served from an earlier event's
	 * cache.
	 */
	@Test
	void resolvesTheRelationsOfEachEventAfresh() {
		Fixtures.Hierarchy h = fixtures.hierarchy(List.of(List.of("checklist")));
		String module = h.moduleIds().get(0).get(0);
		WebSocketGraphQlTester socket = socket(users.token(ownerId, List.of("user")));
		Flux<Map<String, Object>> events = statusEvents(socket, h.projectId(), null, "0");
		String[] id = new String[1];

		StepVerifier.create(events.take(2))
			.then(() -> id[0] = fixtures.submit(h.projectId(), module, Map.of("k", "v")))
			.assertNext(event -> assertThat((Map<String, Object>) event.get("change")).containsEntry("sourceModule",
					Map.of("moduleType", "checklist")))
			.then(() -> {
				owner.document(
						"mutation($id: ID!) { updateModule(id: $id, input: {moduleType: \"decision_log\"}) { id } }")
					.variable("id", module)
					.executeAndVerify();
				fixtures.move("validateChange", id[0]);
			})
			.assertNext(event -> assertThat((Map<String, Object>) event.get("change")).containsEntry("sourceModule",
					Map.of("moduleType", "decision_log")))
			.expectComplete()
			.verify(WAIT);
		socket.stop().block(WAIT);
	}

	@Test
	void filtersByStatusStandardAndLevelAndResumesRightAfterACursor() {
		String project = fixtures.project();
		String passing = fixtures.submit(project, null, Map.of("k", "v"));
		fixtures.move("validateChange", passing);
		String failing = fixtures.submit(project, null, Map.of("due_at", "2026-03-01T12:00:00+01:00"));
		fixtures.move("validateChange", failing);
		WebSocketGraphQlTester socket = socket(users.token(ownerId, List.of("user")));

		List<Map<String, Object>> decided = statusEvents(socket, project, List.of("VALIDATED", "REJECTED"), "0", 2);
		assertThat(decided).extracting(e -> e.get("newStatus"), e -> ((Map<?, ?>) e.get("change")).get("id"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("VALIDATED", passing),
					org.assertj.core.groups.Tuple.tuple("REJECTED", failing));

		String resumeAfter = (String) decided.get(0).get("cursor");
		List<Map<String, Object>> rest = statusEvents(socket, project, null, resumeAfter, 2);
		assertThat(rest).extracting(e -> e.get("previousStatus"), e -> e.get("newStatus"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple(null, "PENDING"),
					org.assertj.core.groups.Tuple.tuple("PENDING", "REJECTED"));
		assertThat(rest).extracting(e -> Long.parseLong((String) e.get("cursor")))
			.allSatisfy(cursor -> assertThat(cursor).isGreaterThan(Long.parseLong(resumeAfter)));

		Map<String, Object> violation = violationEvents(socket, project, List.of("ts-001-zulu"), List.of("ERROR"))
			.blockFirst(WAIT);
		assertThat(violation).containsEntry("enforcementLevel", "ERROR");
		assertThat((Map<String, Object>) violation.get("violation")).containsEntry("resourceId", failing)
			.containsEntry("projectId", project)
			.containsEntry("violationValue", "2026-03-01T12:00:00+01:00")
			.containsEntry("suggestedFix", "2026-03-01T11:00:00.000000Z")
			.containsEntry("status", "OPEN")
			.containsEntry("standard", Map.of("id", "ts-001-zulu"));
		StepVerifier.create(violationEvents(socket, project, null, List.of("WARNING", "INFO")))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(1))
			.thenCancel()
			.verify(WAIT);
		socket.stop().block(WAIT);
	}

	@Test
	void refusesOtherUsersProjectsUnknownProjectsAndMissingTokens() {
		String project = fixtures.project();
		WebSocketGraphQlTester stranger = socket(users.token("stranger-" + UUID.randomUUID(), List.of("user")));
		assertRefused(stranger, project, "NOT_FOUND");
		assertRefused(stranger, UUID.randomUUID().toString(), "NOT_FOUND");
		stranger.stop().block(WAIT);
		WebSocketGraphQlTester anonymous = socket(null);
		assertRefused(anonymous, project, "UNAUTHORIZED");
		anonymous.stop().block(WAIT);
	}

	private void assertRefused(WebSocketGraphQlTester socket, String project, String classification) {
		StepVerifier.create(socket.document(STATUS).variable("p", project).executeSubscription().toFlux())
			.expectErrorSatisfies(error -> assertThat(((SubscriptionErrorException) error).getErrors()).singleElement()
				.satisfies(e -> assertThat(e.getErrorType()).hasToString(classification)))
			.verify(WAIT);
	}

	private List<Map<String, Object>> statusEvents(WebSocketGraphQlTester socket, String project, List<String> statuses,
			String after, int count) {
		return statusEvents(socket, project, statuses, after).take(count).collectList().block(WAIT);
	}

	/** The project's status events after {@code after}, with the given statuses. */
	private Flux<Map<String, Object>> statusEvents(WebSocketGraphQlTester socket, String project, List<String> statuses,
			String after) {
		return socket.document(STATUS)
			.variable("p", project)
			.variable("statuses", statuses)
			.variable("after", after)
			.executeSubscription()
			.toFlux("syncBufferStatusChanged", Map.class)
			.map(event -> (Map<String, Object>) event);
	}

	private Flux<Map<String, Object>> violationEvents(WebSocketGraphQlTester socket, String project,
			List<String> standards, List<String> levels) {
		return socket.document(VIOLATIONS)
			.variable("p", project)
			.variable("standards", standards)
			.variable("levels", levels)
			.variable("after", "0")
			.executeSubscription()
			.toFlux("violationDetected", Map.class)
			.map(event -> (Map<String, Object>) event);
	}

	static void assertStep(Map<String, Object> event, String id, String previous, String next, String timestamp) {
		Map<String, Object> change = (Map<String, Object>) event.get("change");
		assertThat(change).containsEntry("id", id).containsEntry("status", next);
		assertThat(event).containsEntry("previousStatus", previous).containsEntry("newStatus", next);
		assertThat(event.get("at")).isNotNull().isEqualTo(change.get(timestamp));
		assertThat((String) event.get("cursor")).isNotBlank();
	}

	/** A WebSocket tester that sends the token (if any) in connection_init. */
	WebSocketGraphQlTester socket(String token) {
		return GraphQlSockets.tester(port, token);
	}

}

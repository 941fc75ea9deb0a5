package dev.devguide.cockpit.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.devguide.cockpit.graphql.SharedSubscriptions;
import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GeneralLog;
import dev.devguide.cockpit.support.GraphQlSockets;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TableLock;
import dev.devguide.cockpit.support.TestUsers;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Subscribers of the same subscription share one rendering of each event, through the
 * real server: the event's relations are read once for all of them, and what each
 * receives over its own WebSocket is what its own subscription returns.
 */
@IntegrationTest
class SharedRenderingIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	ConnectionFactory connections;

	@Autowired
	DatabaseClient db;

	@Autowired
	SharedSubscriptions shared;

	/**
	 * Two sockets subscribe from the same cursor while the first event's rendering waits
	 * for a read of {@code modules} (held back by a table lock), so both are in before
	 * anything is delivered. The general query log then shows one read of the event's
	 * source module for the two of them.
	 */
	@Test
	void subscribersOfOneSubscriptionShareEachRenderingOfAnEvent() {
		String ownerId = "sharing-" + UUID.randomUUID();
		Fixtures fixtures = new Fixtures(users.user(ownerId));
		Fixtures.Hierarchy h = fixtures.hierarchy(List.of(List.of("checklist")));
		String change = fixtures.submit(h.projectId(), h.moduleIds().get(0).get(0), Map.of("k", "v"));
		WebSocketGraphQlTester first = socket(users.token(ownerId, List.of("user")));
		WebSocketGraphQlTester second = socket(users.token(ownerId, List.of("user")));
		int before = shared.subscribers();

		List<Map<String, Object>> received = new ArrayList<>();
		List<String> moduleReads = moduleReadsWhile(() -> {
			try (TableLock lock = TableLock.write(connections, "modules")) {
				CompletableFuture<Map<String, Object>> one = firstEvent(first, h.projectId());
				lock.awaitBlockedRead("FROM modules");
				CompletableFuture<Map<String, Object>> two = firstEvent(second, h.projectId());
				await().atMost(WAIT).untilAsserted(() -> assertThat(shared.subscribers()).isEqualTo(before + 2));
				lock.release();
				received.add(one.join());
				received.add(two.join());
			}
		});

		assertThat(moduleReads).as("reads of the event's source module, for both subscribers").hasSize(1);
		assertThat(received.get(1)).isEqualTo(received.get(0));
		SubscriptionIntegrationTests.assertStep(received.get(0), change, null, "PENDING", "createdAt");
		@SuppressWarnings("unchecked")
		Map<String, Object> sent = (Map<String, Object>) received.get(0).get("change");
		assertThat(sent.get("sourceModule")).isEqualTo(Map.of("moduleType", "checklist"));
		first.stop().block(WAIT);
		second.stop().block(WAIT);
	}

	/**
	 * A live subscription may be joined at any time, but the one joining passes its own
	 * access check first: after the project is deleted, a new subscriber is refused
	 * rather than attached to the rendering still running for the first.
	 */
	@Test
	void aSubscriberJoiningARunningRenderingIsCheckedOnItsOwn() {
		String ownerId = "sharing-" + UUID.randomUUID();
		HttpGraphQlTester owner = users.user(ownerId);
		String project = new Fixtures(owner).project();
		WebSocketGraphQlTester first = socket(users.token(ownerId, List.of("user")));
		WebSocketGraphQlTester second = socket(users.token(ownerId, List.of("user")));
		int before = shared.subscribers();
		CompletableFuture<Map<String, Object>> running = firstEvent(first, project, null);
		await().atMost(WAIT).until(() -> shared.subscribers() == before + 1);

		owner.document("mutation($id: ID!) { deleteProject(id: $id) }").variable("id", project).executeAndVerify();

		StepVerifier.create(Mono.fromFuture(firstEvent(second, project, null)))
			.expectErrorSatisfies(error -> assertThat(((SubscriptionErrorException) error).getErrors()).singleElement()
				.satisfies(e -> assertThat(e.getErrorType()).hasToString("NOT_FOUND")))
			.verify(WAIT);
		assertThat(running).isNotDone();
		first.stop().block(WAIT);
		second.stop().block(WAIT);
	}

	private CompletableFuture<Map<String, Object>> firstEvent(WebSocketGraphQlTester socket, String project) {
		return firstEvent(socket, project, "0");
	}

	@SuppressWarnings("unchecked")
	private CompletableFuture<Map<String, Object>> firstEvent(WebSocketGraphQlTester socket, String project,
			String after) {
		return socket.document(SubscriptionIntegrationTests.STATUS)
			.variable("p", project)
			.variable("after", after)
			.executeSubscription()
			.toFlux("syncBufferStatusChanged", Map.class)
			.map(event -> (Map<String, Object>) event)
			.next()
			.toFuture();
	}

	/** The reads of {@code modules} the server sent while {@code work} ran. */
	private List<String> moduleReadsWhile(Runnable work) {
		return GeneralLog.statementsWhile(db, "SELECT % FROM modules WHERE %", work);
	}

	private WebSocketGraphQlTester socket(String token) {
		return GraphQlSockets.tester(port, token);
	}

}

package dev.devguide.cockpit.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.persistence.DatabaseEndpoint;
import dev.devguide.cockpit.security.TokenIssuer;
import dev.devguide.cockpit.support.GraphQlSockets;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.SecondInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Two server instances on one database; four concurrent writers drive changes through
 * PENDING, VALIDATED and PROPAGATED on three projects, alternating between the instances.
 * Subscribers on both instances receive every event of their project exactly once, in
 * commit order (the project's outbox order); a subscriber that disconnects midway and
 * resumes with {@code after} gets the rest with no gap and no duplicate.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiInstanceSubscriptionIntegrationTests {

	private static final int WRITERS = 4;

	private static final int CHANGES_PER_WRITER = 175;

	// language=GraphQL
	private static final String SUBSCRIPTION = """
			subscription Status($projectId: ID!, $after: String) {
			  syncBufferStatusChanged(projectId: $projectId, after: $after) {
			    cursor previousStatus newStatus at change { id status }
			  }
			}""";

	@Autowired
	TokenIssuer issuer;

	@Autowired
	DatabaseEndpoint database;

	@Autowired
	DatabaseClient db;

	@LocalServerPort
	int portA;

	@Value("${cockpit.jwt.secret}")
	String secret;

	SecondInstance second;

	int portB;

	@BeforeAll
	void startSecondInstance() {
		second = SecondInstance.start(database, secret);
		portB = second.port();
	}

	@AfterAll
	void stopSecondInstance() {
		second.close();
	}

	@Test
	void everySubscriberOnEveryInstanceGetsEveryEventOnceInCommitOrder() {
		String owner = "multi-" + UUID.randomUUID();
		String token = issuer.issue(owner, List.of("user"), Duration.ofHours(1));
		List<String> projects = Flux.range(0, 3)
			.concatMap(
					i -> http(portA, token).document("mutation { createProject(input: {name: \"p" + i + "\"}) { id } }")
						.retrieve("createProject.id")
						.toEntity(String.class))
			.collectList()
			.block();

		List<Subscriber> subscribers = new ArrayList<>();
		for (String project : projects) {
			subscribers.add(new Subscriber(portA, token, project, "0"));
			subscribers.add(new Subscriber(portB, token, project, "0"));
		}
		Subscriber quitter = new Subscriber(portB, token, projects.get(0), "0");
		quitter.cancelAfter(150);

		Flux.range(0, WRITERS)
			.flatMap(writer -> Flux.range(0, CHANGES_PER_WRITER)
				.concatMap(i -> change(token, projects.get((writer + i) % 3), writer + i)), WRITERS)
			.blockLast(Duration.ofMinutes(5));

		Map<String, List<Long>> expected = new HashMap<>();
		long total = 0;
		for (String project : projects) {
			List<Long> sequences = outboxSequences(project);
			expected.put(project, sequences);
			total += sequences.size();
		}
		assertThat(total).as("status changes written").isGreaterThanOrEqualTo(3L * WRITERS * CHANGES_PER_WRITER);

		List<String> firstPart = quitter.awaitCancelled();
		Subscriber resumed = new Subscriber(portA, token, projects.get(0), last(firstPart));
		for (Subscriber subscriber : subscribers) {
			subscriber.awaitCount(expected.get(subscriber.project).size());
		}
		resumed.awaitCount(expected.get(projects.get(0)).size() - firstPart.size());

		for (Subscriber subscriber : subscribers) {
			assertThat(subscriber.cursors()).as("events of %s on instance %d", subscriber.project, subscriber.port)
				.containsExactlyElementsOf(expected.get(subscriber.project).stream().map(String::valueOf).toList());
			subscriber.assertStatusOrderPerChange();
			subscriber.close();
		}
		List<String> joined = new ArrayList<>(firstPart);
		joined.addAll(resumed.cursors());
		assertThat(joined).as("first part + resumed part")
			.containsExactlyElementsOf(expected.get(projects.get(0)).stream().map(String::valueOf).toList());
		resumed.close();
	}

	private Mono<String> change(String token, String project, int n) {
		HttpGraphQlClient a = http(n % 2 == 0 ? portA : portB, token);
		HttpGraphQlClient b = http(n % 2 == 0 ? portB : portA, token);
		return a.document(
				"mutation($p: ID!) { submitChange(projectId: $p, changeType: \"note\", payload: {note: \"n\"}) { id } }")
			.variable("p", project)
			.retrieve("submitChange.id")
			.toEntity(String.class)
			.flatMap(id -> b.document("mutation($id: ID!) { validateChange(id: $id) { status } }")
				.variable("id", id)
				.retrieve("validateChange.status")
				.toEntity(String.class)
				.then(a.document("mutation($id: ID!) { propagateChange(id: $id) { status } }")
					.variable("id", id)
					.retrieve("propagateChange.status")
					.toEntity(String.class))
				.thenReturn(id));
	}

	private List<Long> outboxSequences(String project) {
		return db.sql(
				"SELECT project_sequence FROM event_outbox WHERE project_id = :p AND event_type = 'SYNC_STATUS_CHANGED' "
						+ "ORDER BY project_sequence")
			.bind("p", project)
			.map(row -> row.get("project_sequence", Long.class))
			.all()
			.collectList()
			.block();
	}

	private static HttpGraphQlClient http(int port, String token) {
		return HttpGraphQlClient.builder(WebClient.create("http://localhost:" + port + "/graphql"))
			.header("Authorization", "Bearer " + token)
			.build();
	}

	private static String last(List<String> cursors) {
		return cursors.get(cursors.size() - 1);
	}

	/** One WebSocket subscriber collecting the events of one project. */
	static final class Subscriber {

		final int port;

		final String project;

		final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();

		private final Disposable subscription;

		private volatile int cancelAfter = Integer.MAX_VALUE;

		private final Sinks.One<Boolean> cancelled = Sinks.one();

		Subscriber(int port, String token, String project, String after) {
			this.port = port;
			this.project = project;
			this.subscription = GraphQlSockets.client(port, token)
				.document(SUBSCRIPTION)
				.variable("projectId", project)
				.variable("after", after)
				.executeSubscription()
				.map(ClientGraphQlResponse::<Map<String, Object>>getData)
				.map(data -> (Map<String, Object>) data.get("syncBufferStatusChanged"))
				.takeWhile(event -> events.size() < cancelAfter)
				.doOnNext(events::add)
				.doFinally(signal -> cancelled.tryEmitValue(Boolean.TRUE))
				.subscribe();
		}

		void cancelAfter(int count) {
			this.cancelAfter = count;
		}

		List<String> awaitCancelled() {
			cancelled.asMono().block(Duration.ofMinutes(2));
			return cursors();
		}

		void awaitCount(int count) {
			Flux.interval(Duration.ofMillis(50))
				.takeUntil(tick -> events.size() >= count)
				.blockLast(Duration.ofMinutes(2));
			assertThat(events).as("events received on instance %d for %s", port, project)
				.hasSizeGreaterThanOrEqualTo(count);
		}

		List<String> cursors() {
			return events.stream().map(event -> (String) event.get("cursor")).toList();
		}

		@SuppressWarnings("unchecked")
		void assertStatusOrderPerChange() {
			Map<String, List<String>> perChange = new LinkedHashMap<>();
			for (Map<String, Object> event : events) {
				String id = (String) ((Map<String, Object>) event.get("change")).get("id");
				perChange.computeIfAbsent(id, key -> new ArrayList<>()).add((String) event.get("newStatus"));
			}
			assertThat(perChange.values())
				.allSatisfy(statuses -> assertThat(statuses).containsExactly("PENDING", "VALIDATED", "PROPAGATED"));
		}

		void close() {
			subscription.dispose();
		}

	}

}

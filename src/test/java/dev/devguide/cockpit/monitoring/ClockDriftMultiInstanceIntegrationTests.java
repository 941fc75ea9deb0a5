package dev.devguide.cockpit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.persistence.DatabaseEndpoint;
import dev.devguide.cockpit.support.GraphQlSockets;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.SecondInstance;
import dev.devguide.cockpit.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code clockDriftChanged} across two instances on one database: two gateways record
 * readings concurrently, each call on the instance its turn picks, and a subscriber on
 * each instance receives every status change once, in the order of the system stream's
 * outbox ({@code @system:clock-sync}), whichever instance committed it.
 */
@IntegrationTest
class ClockDriftMultiInstanceIntegrationTests {

	private static final int WRITERS = 2;

	private static final int READINGS_PER_WRITER = 40;

	// language=GraphQL
	private static final String RECORD = """
			mutation($entries: [ClockSyncInput!]!) { recordClockSync(input: {entries: $entries}) { id status } }""";

	// language=GraphQL
	private static final String CHANGES = """
			subscription($names: [String!]) {
			  clockDriftChanged(componentNames: $names, after: "0") { cursor componentName previousStatus status }
			}""";

	@Autowired
	DatabaseEndpoint database;

	@Autowired
	DatabaseClient db;

	@Autowired
	TestUsers users;

	@Value("${cockpit.jwt.secret}")
	String secret;

	@Test
	void aSubscriberOnEachInstanceGetsEveryStatusChangeOnceInOutboxOrder() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<String> components = List.of("multi-a-" + run, "multi-b-" + run);
		String ingest = users.token("clock-gateway-" + run, List.of("ingest"));
		String watcher = users.token("clock-watcher-" + run, List.of("user"));
		try (SecondInstance second = SecondInstance.start(database, secret)) {
			int[] ports = { users.port(), second.port() };
			WebSocketGraphQlClient onA = GraphQlSockets.client(ports[0], watcher);
			WebSocketGraphQlClient onB = GraphQlSockets.client(ports[1], watcher);
			// every reading of a writer flips its component's status: DRIFTING,
			// SYNCHRONIZED, ...
			int expectedEvents = WRITERS * READINGS_PER_WRITER;
			CompletableFuture<List<String>> eventsOnA = events(onA, components, expectedEvents);
			CompletableFuture<List<String>> eventsOnB = events(onB, components, expectedEvents);
			Flux.range(0, WRITERS)
				.flatMap(
						writer -> Flux.range(0, READINGS_PER_WRITER)
							.concatMap(i -> record(ports[(writer + i) % 2], ingest, components.get(writer), i)),
						WRITERS)
				.blockLast(Duration.ofMinutes(2));

			List<String> outbox = db.sql("""
					SELECT CONCAT(project_sequence, ' ', JSON_UNQUOTE(JSON_EXTRACT(payload, '$.componentName'))) AS e
					FROM event_outbox WHERE project_id = :stream AND event_type = :type
					AND JSON_UNQUOTE(JSON_EXTRACT(payload, '$.componentName')) IN (:components)
					ORDER BY project_sequence""")
				.bind("stream", ClockDriftEvents.STREAM)
				.bind("type", ClockDriftEvents.TYPE)
				.bind("components", components)
				.map(row -> row.get("e", String.class))
				.all()
				.collectList()
				.block();
			assertThat(outbox).hasSize(expectedEvents);
			assertThat(eventsOnA.orTimeout(1, TimeUnit.MINUTES).join()).as("events on instance A")
				.containsExactlyElementsOf(outbox);
			assertThat(eventsOnB.orTimeout(1, TimeUnit.MINUTES).join()).as("events on instance B")
				.containsExactlyElementsOf(outbox);
			onA.stop().block(Duration.ofSeconds(10));
			onB.stop().block(Duration.ofSeconds(10));
		}
	}

	/**
	 * The first {@code count} events, as "cursor component", subscribed at once (from the
	 * start of the stream: what was committed before arrives first, the rest live).
	 */
	private static CompletableFuture<List<String>> events(WebSocketGraphQlClient client, List<String> names,
			int count) {
		return client.document(CHANGES).variable("names", names).executeSubscription().map(response -> {
			Map<String, Object> event = response.field("clockDriftChanged").toEntity(Map.class);
			return event.get("cursor") + " " + event.get("componentName");
		}).take(count).collectList().toFuture();
	}

	private static Mono<String> record(int port, String token, String component, int i) {
		Map<String, Object> reading = Map.of("componentName", component, "protocol", "NTP", "stratum", 2,
				"offsetMicroseconds", i % 2 == 0 ? 20_000 : 1, "lastSyncAt",
				Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i).toString());
		return HttpGraphQlClient.builder(WebClient.create("http://localhost:" + port + "/graphql"))
			.header("Authorization", "Bearer " + token)
			.build()
			.document(RECORD)
			.variable("entries", List.of(reading))
			.retrieve("recordClockSync[0].status")
			.toEntity(String.class);
	}

}

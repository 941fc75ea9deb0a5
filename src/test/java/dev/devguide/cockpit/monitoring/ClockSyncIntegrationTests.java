package dev.devguide.cockpit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.GeneralLog;
import dev.devguide.cockpit.support.GraphQlSockets;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * {@code recordClockSync}, {@code clockSyncStatus}, {@code clockSyncHistory} and
 * {@code clockDriftChanged}: derived statuses, the 10 ms boundary, who may record, the
 * latest reading per component, the history's pages, and status-change events in commit
 * order, resumable.
 */
@IntegrationTest
class ClockSyncIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String RECORD = """
			mutation($entries: [ClockSyncInput!]!) {
			  recordClockSync(input: {entries: $entries}) { id componentName protocol stratum offsetMicroseconds lastSyncAt status errorMessage }
			}""";

	private static final String STATUS = "{ clockSyncStatus { id componentName offsetMicroseconds lastSyncAt status } }";

	private static final String HISTORY = """
			query($c: String, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
			  clockSyncHistory(componentName: $c, from: $from, to: $to, first: $first, after: $after) {
			    totalCount pageInfo { hasNextPage endCursor } edges { node { id lastSyncAt offsetMicroseconds } }
			  }
			}""";

	private static final String CHANGES = """
			subscription($names: [String!], $after: String) {
			  clockDriftChanged(componentNames: $names, after: $after) {
			    cursor componentName previousStatus status reading { id offsetMicroseconds status errorMessage }
			  }
			}""";

	@Autowired
	DatabaseClient db;

	@Autowired
	TestUsers users;

	HttpGraphQlTester ingest;

	String run;

	@BeforeEach
	void setUp() {
		ingest = users.ingest("clock-gateway-" + UUID.randomUUID());
		run = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void theStatusIsDerivedAtTheTenMillisecondBoundary() {
		List<Map<String, Object>> recorded = record(ingest,
				List.of(reading("a-" + run, 9_999, "2026-03-01T00:00:00Z", null),
						reading("b-" + run, -9_999, "2026-03-01T00:00:00Z", null),
						reading("c-" + run, 10_000, "2026-03-01T00:00:00Z", null),
						reading("d-" + run, -10_000, "2026-03-01T00:00:00Z", null),
						reading("e-" + run, 0, "2026-03-01T00:00:00Z", "no NTP server reachable"),
						reading("f-" + run, Long.MIN_VALUE, "2026-03-01T00:00:00Z", null)));
		assertThat(recorded).extracting(row -> row.get("status"))
			.containsExactly("SYNCHRONIZED", "SYNCHRONIZED", "DRIFTING", "DRIFTING", "ERROR", "DRIFTING");
		assertThat(recorded.get(5).get("offsetMicroseconds")).isEqualTo(Long.MIN_VALUE);
		assertThat(new TestDatabase(db).rows("SELECT status FROM clock_sync_status WHERE component_name = :c",
				Map.of("c", "c-" + run)))
			.containsExactly(Map.of("status", "drifting"));
	}

	@Test
	void ingestAndAdminsRecordUsersOnlyRead() {
		String userId = "clock-user-" + UUID.randomUUID();
		String adminId = "clock-admin-" + UUID.randomUUID();
		HttpGraphQlTester user = users.user(userId);
		HttpGraphQlTester admin = users.admin(adminId);
		Errors.expect(record(user, List.of(reading("u-" + run, 1, "2026-03-01T00:00:00Z", null)), false), "FORBIDDEN",
				null, null);
		assertThat(record(admin, List.of(reading("u-" + run, 1, "2026-03-01T00:00:00Z", null)))).hasSize(1);
		Errors.expect(ingest.document(STATUS).execute(), "FORBIDDEN", null, null);
		assertThat(
				user.document(STATUS).execute().path("clockSyncStatus[*].componentName").entityList(String.class).get())
			.contains("u-" + run);
		assertThat(audit(userId)).containsExactly("failure");
		assertThat(audit(adminId)).containsExactly("success");
	}

	@Test
	void eachBadReadingIsNamedAndNothingIsWritten() {
		List<Map<String, Object>> batch = new ArrayList<>();
		batch.add(reading("x-" + run, 1, "2026-03-01T00:00:00Z", null));
		Map<String, Object> bad = reading("y-" + run, 1, "2026-03-01T00:00:00Z", null);
		bad.put("stratum", 17);
		batch.add(bad);
		Errors.expect(record(ingest, batch, false), "BAD_REQUEST", "input.entries[1].stratum", null);
		Map<String, Object> late = reading("y-" + run, 1, "2039-01-01T00:00:00Z", null);
		Errors.expect(record(ingest, List.of(batch.get(0), late), false), "BAD_REQUEST", "input.entries[1].lastSyncAt",
				null);
		Map<String, Object> blank = reading(" ", 1, "2026-03-01T00:00:00Z", null);
		Errors.expect(record(ingest, List.of(blank), false), "BAD_REQUEST", "input.entries[0].componentName", null);
		assertThat(new TestDatabase(db).rows("SELECT id FROM clock_sync_status WHERE component_name LIKE :c",
				Map.of("c", "%-" + run)))
			.isEmpty();
	}

	@Test
	void theStatusIsEachComponentsLatestReadingInOneStatement() {
		String a = "latest-a-" + run;
		String b = "latest-b-" + run;
		record(ingest, List.of(reading(a, 50_000, "2026-03-01T00:00:02Z", null),
				reading(a, 5, "2026-03-01T00:00:01Z", null), reading(b, 7, "2026-03-01T00:00:00Z", null)));
		// older than a's latest: history only, the status stays
		record(ingest, List.of(reading(a, 1, "2026-03-01T00:00:00Z", null)));
		List<String> statements = new ArrayList<>();
		List<Map<String, Object>> status = new ArrayList<>();
		statements.addAll(GeneralLog.statementsWhile(db, "%clock_sync_status%",
				() -> status.addAll(users.user("clock-reader-" + run)
					.document(STATUS)
					.execute()
					.path("clockSyncStatus")
					.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
					})
					.get())));
		assertThat(statements).hasSize(1);
		List<Map<String, Object>> ours = status.stream()
			.filter(row -> ((String) row.get("componentName")).endsWith(run))
			.toList();
		assertThat(ours).extracting(row -> row.get("componentName")).containsExactly(a, b);
		assertThat(ours).extracting(row -> row.get("status")).containsExactly("DRIFTING", "SYNCHRONIZED");
		assertThat(ours).extracting(row -> row.get("lastSyncAt"))
			.containsExactly("2026-03-01T00:00:02.000000Z", "2026-03-01T00:00:00.000000Z");
	}

	@Test
	void theHistoryIsNewestFirstInPages() {
		String c = "history-" + run;
		List<Map<String, Object>> batch = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			batch.add(reading(c, i, "2026-03-01T00:00:0" + i + "Z", null));
		}
		record(ingest, batch);
		HttpGraphQlTester reader = users.user("clock-reader-" + run);
		List<Object> offsets = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = reader.document(HISTORY)
				.variable("c", c)
				.variable("first", 2)
				.variable("after", after)
				.execute();
			offsets.addAll(page.path("clockSyncHistory.edges[*].node.offsetMicroseconds").entityList(Long.class).get());
			more = page.path("clockSyncHistory.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("clockSyncHistory.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(offsets).containsExactly(4L, 3L, 2L, 1L, 0L);
		reader.document(HISTORY)
			.variable("c", c)
			.variable("from", "2026-03-01T00:00:01Z")
			.variable("to", "2026-03-01T00:00:03Z")
			.execute()
			.path("clockSyncHistory.totalCount")
			.entity(Long.class)
			.isEqualTo(2L)
			.path("clockSyncHistory.edges[*].node.offsetMicroseconds")
			.entityList(Long.class)
			.containsExactly(2L, 1L);
	}

	/**
	 * Only changes of the current status are events: the first reading, then each change;
	 * a reading with the same status, or one older than the latest, is none. A second
	 * subscription resumes after the first event's cursor.
	 */
	@Test
	void statusChangesAreDeliveredInCommitOrderOnceAndResumable() {
		String a = "drift-a-" + run;
		String b = "drift-b-" + run;
		WebSocketGraphQlTester socket = GraphQlSockets.tester(users.port(),
				users.token("clock-watcher-" + run, List.of("user")));
		CompletableFuture<List<Map<String, Object>>> live = changes(socket, List.of(a, b), "0").take(4)
			.collectList()
			.toFuture();

		record(ingest, List.of(reading(a, 1, "2026-03-01T00:00:00Z", null)));
		record(ingest, List.of(reading(a, 2, "2026-03-01T00:00:01Z", null)));
		record(ingest, List.of(reading(a, 20_000, "2026-03-01T00:00:02Z", null),
				reading(b, 0, "2026-03-01T00:00:02Z", "timeout")));
		record(ingest, List.of(reading(a, 1, "2026-03-01T00:00:00.5Z", null)));
		record(ingest, List.of(reading(a, -3, "2026-03-01T00:00:03Z", null)));

		List<Map<String, Object>> received = live.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
		assertThat(received).extracting(
				event -> event.get("componentName") + ":" + event.get("previousStatus") + "->" + event.get("status"))
			.containsExactly(a + ":null->SYNCHRONIZED", a + ":SYNCHRONIZED->DRIFTING", b + ":null->ERROR",
					a + ":DRIFTING->SYNCHRONIZED");
		assertThat(((Map<?, ?>) received.get(1).get("reading")).get("offsetMicroseconds")).isEqualTo(20_000);
		assertThat(((Map<?, ?>) received.get(2).get("reading")).get("errorMessage")).isEqualTo("timeout");

		List<Map<String, Object>> resumed = changes(socket, List.of(a), (String) received.get(0).get("cursor")).take(2)
			.collectList()
			.block(WAIT);
		assertThat(resumed).extracting(event -> event.get("status")).containsExactly("DRIFTING", "SYNCHRONIZED");
		socket.stop().block(WAIT);
	}

	private Flux<Map<String, Object>> changes(WebSocketGraphQlTester socket, List<String> names, String after) {
		return socket.document(CHANGES)
			.variable("names", names)
			.variable("after", after)
			.executeSubscription()
			.toFlux("clockDriftChanged", Map.class)
			.map(event -> {
				@SuppressWarnings("unchecked")
				Map<String, Object> typed = (Map<String, Object>) event;
				return typed;
			});
	}

	private static List<Map<String, Object>> record(HttpGraphQlTester tester, List<Map<String, Object>> entries) {
		return record(tester, entries, true).path("recordClockSync")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	private static GraphQlTester.Response record(HttpGraphQlTester tester, List<Map<String, Object>> entries,
			boolean unused) {
		return tester.document(RECORD).variable("entries", entries).execute();
	}

	private static Map<String, Object> reading(String component, long offset, String at, String error) {
		Map<String, Object> reading = new LinkedHashMap<>();
		reading.put("componentName", component);
		reading.put("protocol", "NTP");
		reading.put("stratum", 2);
		reading.put("offsetMicroseconds", offset);
		reading.put("lastSyncAt", at);
		if (error != null) {
			reading.put("errorMessage", error);
		}
		return reading;
	}

	private List<String> audit(String userId) {
		return new TestDatabase(db).rows("""
				SELECT status FROM audit_logs WHERE action = 'clock_sync.record'
				AND user_id = :u""", Map.of("u", userId)).stream().map(row -> (String) row.get("status")).toList();
	}

}

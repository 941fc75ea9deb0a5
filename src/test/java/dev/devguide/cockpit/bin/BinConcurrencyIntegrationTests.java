package dev.devguide.cockpit.bin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Eight concurrent validateChange (then propagateChange) requests on one change, over
 * real HTTP connections: exactly one succeeds, the others are refused naming the new
 * status, and the change's violations, propagation rows and events exist once.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class BinConcurrencyIntegrationTests {

	private static final int CALLERS = 8;

	@Autowired
	DatabaseClient db;

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	String user;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		user = "concurrent-" + UUID.randomUUID();
		fixtures = new Fixtures(users.user(user));
	}

	@Test
	void ofEightConcurrentValidationsAndPropagationsExactlyOneSucceeds() {
		Fixtures.Hierarchy h = fixtures
			.hierarchy(List.of(List.of("checklist"), List.of("checklist"), List.of("notes")));
		String id = fixtures.submit(h.projectId(), h.moduleIds().get(0).get(0),
				Map.of("created_at", "2026-01-01T10:00:00+02:00", "updated_at", "2026-01-01 10:00:00"));

		List<Map<String, Object>> validations = concurrently("validateChange", id);

		assertThat(validations).filteredOn(response -> !response.containsKey("errors")).hasSize(1);
		assertThat(refusals(validations)).hasSize(CALLERS - 1).allSatisfy(error -> {
			assertThat(error.get("message")).asString().contains("is REJECTED", "needs a PENDING change");
			assertThat((Map<String, Object>) error.get("extensions")).containsEntry("classification", "BAD_REQUEST");
		});
		assertThat(count("SELECT COUNT(*) AS n FROM metadata_violations WHERE resource_id = :id", id)).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) AS n FROM event_outbox WHERE project_id = :id", h.projectId()))
			.as("submit, two violations, one status change")
			.isEqualTo(4);
		assertThat(count("SELECT COUNT(*) AS n FROM audit_logs WHERE resource_id = :id "
				+ "AND action = 'sync_change.validate' AND status = 'success'", id))
			.isEqualTo(1);
	}

	@Test
	void ofEightConcurrentPropagationsExactlyOneWritesThePropagationRows() {
		Fixtures.Hierarchy h = fixtures
			.hierarchy(List.of(List.of("checklist"), List.of("checklist"), List.of("notes")));
		String id = fixtures.submit(h.projectId(), h.moduleIds().get(0).get(0), Map.of("k", "v"));
		assertThat(fixtures.move("validateChange", id)).isEqualTo("VALIDATED");

		List<Map<String, Object>> propagations = concurrently("propagateChange", id);

		assertThat(propagations).filteredOn(response -> !response.containsKey("errors")).hasSize(1);
		assertThat(refusals(propagations)).hasSize(CALLERS - 1)
			.allSatisfy(error -> assertThat(error.get("message")).asString().contains("is PROPAGATED"));
		assertThat(count("SELECT COUNT(*) AS n FROM propagation_log WHERE sync_buffer_id = :id", id)).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) AS n FROM event_outbox WHERE project_id = :id", h.projectId()))
			.as("submit, validate, propagate")
			.isEqualTo(3);
	}

	/**
	 * The responses of {@value #CALLERS} requests sent at once, each on its own
	 * connection.
	 */
	private List<Map<String, Object>> concurrently(String mutation, String id) {
		WebClient client = WebClient.builder()
			.baseUrl("http://localhost:" + port + "/graphql")
			.defaultHeader("Authorization", "Bearer " + users.token(user, List.of("user")))
			.build();
		Map<String, Object> body = Map.of("query", "mutation($id: ID!) { " + mutation + "(id: $id) { id status } }",
				"variables", Map.of("id", id));
		return Flux.range(0, CALLERS)
			.flatMap(i -> client.post().bodyValue(body).retrieve().bodyToMono(Map.class), CALLERS)
			.map(response -> (Map<String, Object>) response)
			.collectList()
			.block(Duration.ofSeconds(60));
	}

	private static List<Map<String, Object>> refusals(List<Map<String, Object>> responses) {
		return responses.stream()
			.filter(response -> response.containsKey("errors"))
			.flatMap(response -> ((List<Map<String, Object>>) response.get("errors")).stream())
			.toList();
	}

	private long count(String sql, String id) {
		return db.sql(sql).bind("id", id).map(row -> row.get("n", Long.class)).one().block();
	}

}

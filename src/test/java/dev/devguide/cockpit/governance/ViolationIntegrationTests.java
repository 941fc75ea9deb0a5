package dev.devguide.cockpit.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * The metadataViolations connection (filters, newest-first paging, only the caller's
 * projects) and the resolve / suppress / reopen transitions.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class ViolationIntegrationTests {

	// language=GraphQL
	private static final String LIST = """
			query($filter: MetadataViolationFilter, $first: Int, $after: String) {
			  metadataViolations(filter: $filter, first: $first, after: $after) {
			    totalCount
			    edges { node { id standardId resourceId projectId status detectedAt standard { standardName } } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	// language=GraphQL
	private static final String MOVE = "mutation($id: ID!) { %s(id: $id) { id status resolvedAt resolvedBy } }";

	@Autowired
	DatabaseClient db;

	@Autowired
	TestUsers users;

	String ownerId;

	HttpGraphQlTester owner;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		ownerId = "violations-" + UUID.randomUUID();
		owner = users.user(ownerId);
		fixtures = new Fixtures(owner);
	}

	@Test
	void pagesNewestFirstWithFiltersAndOnlyForTheCallersProjects() {
		String project = fixtures.project();
		String other = fixtures.project();
		List<String> changes = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			changes.add(rejected(project, Map.of("a_at", "x" + i, "b_at", "y" + i)));
		}
		rejected(other, Map.of("c_at", "z"));

		List<Map<String, Object>> all = all(owner, Map.of("projectId", project));
		assertThat(all).hasSize(6).allSatisfy(v -> assertThat(v).containsEntry("projectId", project));
		assertThat(all)
			.isSortedAccordingTo(Comparator.comparing((Map<String, Object> v) -> (String) v.get("detectedAt"))
				.thenComparing(v -> (String) v.get("id"))
				.reversed());
		assertThat(all.get(0).get("resourceId")).isEqualTo(changes.get(2));
		assertThat(all(owner, Map.of())).hasSize(7);

		String firstId = (String) all.get(5).get("id");
		move(owner, "resolveViolation", firstId);
		assertThat(ids(all(owner, Map.of("projectId", project, "status", "RESOLVED")))).containsExactly(firstId);
		assertThat(all(owner, Map.of("projectId", project, "status", "OPEN"))).hasSize(5);
		assertThat(all(owner, Map.of("projectId", project, "standardId", "ts-001-zulu"))).hasSize(6);
		assertThat(all(owner, Map.of("projectId", project, "standardId", "another"))).isEmpty();
		assertThat(all(owner, Map.of("projectId", project, "resourceType", "dashboard"))).isEmpty();
		String middle = (String) all.get(2).get("detectedAt");
		assertThat(all(owner, Map.of("projectId", project, "detectedAfter", middle)))
			.allSatisfy(v -> assertThat((String) v.get("detectedAt")).isGreaterThan(middle))
			.hasSizeLessThanOrEqualTo(2);

		HttpGraphQlTester stranger = users.user("stranger-" + UUID.randomUUID());
		assertThat(all(stranger, Map.of("projectId", project))).isEmpty();
		assertThat(all(stranger, Map.of())).isEmpty();
		assertThat(all(users.admin("admin-" + UUID.randomUUID()), Map.of("projectId", project))).hasSize(6);
	}

	@Test
	void resolvesSuppressesAndReopensAndRefusesEveryOtherMove() {
		String project = fixtures.project();
		rejected(project, Map.of("when_at", "noon"));
		String id = (String) all(owner, Map.of("projectId", project)).get(0).get("id");

		Map<String, Object> resolved = move(owner, "resolveViolation", id);
		assertThat(resolved).containsEntry("status", "RESOLVED").containsEntry("resolvedBy", ownerId);
		assertThat((String) resolved.get("resolvedAt")).endsWith("Z");
		Errors.expect(attempt(owner, "resolveViolation", id), "BAD_REQUEST", "id", "is resolved");
		Errors.expect(attempt(owner, "suppressViolation", id), "BAD_REQUEST", "id", "is resolved");

		assertThat(move(owner, "reopenViolation", id)).containsEntry("status", "OPEN")
			.containsEntry("resolvedAt", null)
			.containsEntry("resolvedBy", ownerId);
		Errors.expect(attempt(owner, "reopenViolation", id), "BAD_REQUEST", "id", "is open");
		assertThat(move(owner, "suppressViolation", id)).containsEntry("status", "SUPPRESSED");
		assertThat(move(owner, "reopenViolation", id)).containsEntry("status", "OPEN");

		// another user's violation is answered as one that does not exist
		HttpGraphQlTester stranger = users.user("stranger-" + UUID.randomUUID());
		String unknown = UUID.randomUUID().toString();
		for (String mutation : List.of("resolveViolation", "suppressViolation", "reopenViolation")) {
			Errors.expectNotFound(attempt(stranger, mutation, id), "MetadataViolation", id);
		}
		Errors.expectNotFound(attempt(owner, "resolveViolation", unknown), "MetadataViolation", unknown);
		assertThat(move(users.admin("admin-" + UUID.randomUUID()), "resolveViolation", id)).containsEntry("status",
				"RESOLVED");
		assertThat(db.sql("SELECT CONCAT(action, ':', status) AS a FROM audit_logs WHERE resource_id = :id ORDER BY id")
			.bind("id", id)
			.map(row -> row.get("a", String.class))
			.all()
			.collectList()
			.block()).containsExactly("metadata_violation.resolve:success", "metadata_violation.resolve:failure",
					"metadata_violation.suppress:failure", "metadata_violation.reopen:success",
					"metadata_violation.reopen:failure", "metadata_violation.suppress:success",
					"metadata_violation.reopen:success", "metadata_violation.resolve:failure",
					"metadata_violation.suppress:failure", "metadata_violation.reopen:failure",
					"metadata_violation.resolve:success");
	}

	/** Submits and validates a change that the seed Zulu standard rejects. */
	private String rejected(String project, Map<String, Object> payload) {
		String change = fixtures.submit(project, null, payload);
		assertThat(fixtures.move("validateChange", change)).isEqualTo("REJECTED");
		return change;
	}

	/** Every page of the caller's violations matching the filter, two at a time. */
	private List<Map<String, Object>> all(HttpGraphQlTester caller, Map<String, Object> filter) {
		List<Map<String, Object>> nodes = new ArrayList<>();
		String after = null;
		do {
			Map<String, Object> page = caller.document(LIST)
				.variable("filter", new HashMap<>(filter))
				.variable("first", 2)
				.variable("after", after)
				.execute()
				.path("metadataViolations")
				.entity(Map.class)
				.get();
			((List<Map<String, Object>>) page.get("edges"))
				.forEach(edge -> nodes.add((Map<String, Object>) edge.get("node")));
			Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
			after = (Boolean) info.get("hasNextPage") ? (String) info.get("endCursor") : null;
		}
		while (after != null);
		return nodes;
	}

	private static List<Object> ids(List<Map<String, Object>> violations) {
		return violations.stream().map(v -> v.get("id")).toList();
	}

	private static GraphQlTester.Response attempt(HttpGraphQlTester caller, String mutation, String id) {
		return caller.document(MOVE.formatted(mutation)).variable("id", id).execute();
	}

	private static Map<String, Object> move(HttpGraphQlTester caller, String mutation, String id) {
		return attempt(caller, mutation, id).path(mutation).entity(Map.class).get();
	}

}

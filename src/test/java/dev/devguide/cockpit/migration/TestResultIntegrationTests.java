package dev.devguide.cockpit.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Test results through the API: the connection newest first with keyset cursors, the
 * filters, the defaults of a record, refusals, and {@code MigrationPhase.testResults}.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class TestResultIntegrationTests extends MigrationImpactsTestBase {

	// language=GraphQL
	private static final String RECORD = """
			mutation($input: TestResultInput!) {
			  recordTestResult(input: $input) {
			    id testType componentTested testStatus testedBy testedAt retestRequired performanceMetrics phaseNumber
			  }
			}""";

	// language=GraphQL
	private static final String PAGE = """
			query($first: Int, $after: String, $type: TestType, $status: TestStatus, $component: String, $phase: Int) {
			  testResults(first: $first, after: $after, testType: $type, status: $status, component: $component,
			              phase: $phase) {
			    totalCount
			    edges { cursor node { id testedAt } }
			    pageInfo { hasNextPage hasPreviousPage endCursor }
			  }
			}""";

	@Test
	void pagesNewestFirstWithKeysetCursors() {
		List<String> ids = new ArrayList<>();
		for (int day = 1; day <= 5; day++) {
			ids.add(record(input("UNIT", "PASS", "core", "2026-03-0" + day + "T10:00:00.000000Z", null)));
		}
		// two results at the same time are ordered by id, descending
		ids.add(record(input("UNIT", "PASS", "core", "2026-03-05T10:00:00.000000Z", null)));
		List<String> expected = new ArrayList<>(List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3)));
		expected.addAll(ids.get(4).compareTo(ids.get(5)) > 0 ? List.of(ids.get(5), ids.get(4))
				: List.of(ids.get(4), ids.get(5)));
		java.util.Collections.reverse(expected);

		List<String> seen = new ArrayList<>();
		String after = null;
		boolean more = true;
		int pages = 0;
		while (more) {
			Map<String, Object> variables = new HashMap<>();
			variables.put("first", 4);
			variables.put("after", after);
			Map<String, Object> page = api.call(api.persona, PAGE, variables)
				.path("testResults")
				.entity(Map.class)
				.get();
			assertThat(page).containsEntry("totalCount", 6);
			Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
			assertThat(info).containsEntry("hasPreviousPage", after != null);
			((List<Map<String, Object>>) page.get("edges"))
				.forEach(edge -> seen.add((String) ((Map<String, Object>) edge.get("node")).get("id")));
			more = (Boolean) info.get("hasNextPage");
			after = (String) info.get("endCursor");
			pages++;
		}
		assertThat(pages).isEqualTo(2);
		assertThat(seen).containsExactlyElementsOf(expected);

		Map<String, Object> bad = new HashMap<>();
		bad.put("after", "not-a-cursor");
		Errors.expect(api.call(api.persona, PAGE, bad), "BAD_REQUEST", "after", null);
	}

	@Test
	void filtersByTypeStatusComponentAndPhase() {
		String unit = record(input("UNIT", "PASS", "core", null, 2));
		String failed = record(input("INTEGRATION", "FAIL", "core", null, 2));
		String other = record(input("INTEGRATION", "PASS", "api", null, null));

		assertThat(page(Map.of("type", "INTEGRATION"))).containsExactlyInAnyOrder(failed, other);
		assertThat(page(Map.of("status", "FAIL"))).containsExactly(failed);
		assertThat(page(Map.of("component", "core"))).containsExactlyInAnyOrder(unit, failed);
		assertThat(page(Map.of("phase", 2))).containsExactlyInAnyOrder(unit, failed);
		assertThat(page(Map.of("phase", 2, "type", "UNIT", "status", "PASS", "component", "core")))
			.containsExactly(unit);
		assertThat(page(Map.of("component", "cor"))).isEmpty();
	}

	@Test
	void recordsWithDefaultsAndRefusesBadInputChangingNothing() {
		Map<String, Object> input = input("PERFORMANCE", "PASS", "loader", null, 4);
		input.put("performanceMetrics", Map.of("p95Ms", 12.5));
		Map<String, Object> stored = api.ok(api.persona, "recordTestResult", RECORD, Map.of("input", input));
		assertThat(stored).containsEntry("testedBy", api.personaId)
			.containsEntry("retestRequired", false)
			.containsEntry("performanceMetrics", Map.of("p95Ms", 12.5))
			.containsEntry("phaseNumber", 4);
		assertThat(stored.get("testedAt")).isNotNull();
		assertThat(api.audit((String) stored.get("id"))).containsExactly("test_result.record success");

		Errors.expect(api.call(api.persona, RECORD, Map.of("input", input("UNIT", "PASS", "x", null, 42))),
				"BAD_REQUEST", "input.phaseNumber", "no phase 42");
		Map<String, Object> blank = input("UNIT", "PASS", " ", null, null);
		Errors.expect(api.call(api.persona, RECORD, Map.of("input", blank)), "BAD_REQUEST", "input.componentTested",
				null);
		Errors.expect(api.call(api.user, RECORD, Map.of("input", input("UNIT", "PASS", "x", null, null))), "FORBIDDEN",
				null, null);
		Errors.expect(api.call(api.user, PAGE, Map.of()), "FORBIDDEN", null, null);
		assertThat(api.database.rows("SELECT id FROM v7_test_results", Map.of())).hasSize(1);
	}

	@Test
	void aPhaseListsItsTestResultsNewestFirstThroughTheRelation() {
		String older = record(input("UNIT", "PASS", "core", "2026-04-01T00:00:00.000000Z", 5));
		String newer = record(input("UNIT", "FAIL", "core", "2026-04-02T00:00:00.000000Z", 5));
		record(input("UNIT", "PASS", "core", null, 6));

		api.call(api.admin, "{ migrationPhase(number: 5) { testResults { id testStatus } } }", Map.of())
			.path("migrationPhase.testResults[*].id")
			.entityList(String.class)
			.containsExactly(newer, older);
	}

	private String record(Map<String, Object> input) {
		return (String) api.ok(api.persona, "recordTestResult", RECORD, Map.of("input", input)).get("id");
	}

	private List<String> page(Map<String, Object> variables) {
		return api.call(api.persona, PAGE, variables)
			.path("testResults.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private static Map<String, Object> input(String type, String status, String component, String testedAt,
			Integer phase) {
		Map<String, Object> input = new HashMap<>();
		input.put("testType", type);
		input.put("testStatus", status);
		input.put("componentTested", component);
		if (testedAt != null) {
			input.put("testedAt", testedAt);
		}
		if (phase != null) {
			input.put("phaseNumber", phase);
		}
		return input;
	}

}

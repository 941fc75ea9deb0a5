package dev.devguide.cockpit.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The file audit through the API: the V7 name checked by the seeded naming standard (a
 * wrong name is an open violation like any other, a corrected or cleared one resolves
 * it), k not greater than n, the connection and its filters, the stored JSON, refusals
 * that change nothing.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class FileAuditIntegrationTests extends MigrationImpactsTestBase {

	// language=GraphQL
	private static final String FIELDS = """
			id filePath fileName v7WorkflowStatus v7TargetName v7DatabaseEnums v7EnumMappings v7Dependencies
			v7Dependents v7ImpactScore v7ReviewStatus v7ReviewedBy v7RetirementDate createdAt""";

	// language=GraphQL
	private static final String RECORD = "mutation($input: FileAuditInput!) { recordFileAudit(input: $input) { "
			+ FIELDS + " } }";

	// language=GraphQL
	private static final String UPDATE = "mutation($id: ID!, $input: FileAuditInput!) { "
			+ "updateFileAudit(id: $id, input: $input) { " + FIELDS + " } }";

	// language=GraphQL
	private static final String VIOLATIONS = """
			query($filter: MetadataViolationFilter) {
			  metadataViolations(filter: $filter, first: 100) {
			    edges { node { id standardId resourceType resourceId violationValue status resolvedBy projectId } }
			  }
			}""";

	// language=GraphQL
	private static final String PAGE = """
			query($first: Int, $after: String, $workflow: String, $review: String) {
			  fileAudit(first: $first, after: $after, workflowStatus: $workflow, reviewStatus: $review) {
			    totalCount edges { node { id } } pageInfo { hasNextPage endCursor }
			  }
			}""";

	@Test
	void aWrongNameOpensAViolationThatTheCorrectedNameResolves() {
		Map<String, Object> created = record(
				Map.of("filePath", "src/workflows/user_service.py", "v7TargetName", "user_service_v7.py"));
		String id = (String) created.get("id");
		assertThat(created).containsEntry("fileName", "user_service.py")
			.containsEntry("v7WorkflowStatus", "pending_assessment");
		List<Map<String, Object>> open = violations(id);
		assertThat(open).singleElement()
			.satisfies(violation -> assertThat(violation).containsEntry("standardId", "nm-001-v7-file-name")
				.containsEntry("resourceType", "file_audit")
				.containsEntry("violationValue", "user_service_v7.py")
				.containsEntry("status", "OPEN")
				.containsEntry("projectId", null));
		// a violation without a project is admins' only
		api.call(api.persona, VIOLATIONS, Map.of("filter", Map.of("resourceType", "file_audit")))
			.path("metadataViolations.edges")
			.entityList(Map.class)
			.hasSize(0);

		update(id, Map.of("v7TargetName", "WF1_V7_L2_user_service_1of3.py"));
		assertThat(violations(id)).singleElement()
			.satisfies(violation -> assertThat(violation).containsEntry("id", open.get(0).get("id"))
				.containsEntry("status", "RESOLVED")
				.containsEntry("resolvedBy", api.personaId));

		update(id, Map.of("v7TargetName", "WF1_V7_L2_user service_1of3.py"));
		update(id, Map.of("notes", "still wrong, no second violation"));
		Map<String, Object> cleared = new HashMap<>();
		cleared.put("v7TargetName", null);
		assertThat(violations(id)).extracting(violation -> violation.get("status")).containsExactly("RESOLVED", "OPEN");
		update(id, cleared);
		assertThat(violations(id)).extracting(violation -> violation.get("status"))
			.containsExactly("RESOLVED", "RESOLVED");
		assertThat(api.audit(id)).containsExactly("file_audit.record success", "file_audit.update success",
				"file_audit.update success", "file_audit.update success", "file_audit.update success");
	}

	/**
	 * Two records of one new path at once: whichever runs second meets either the check
	 * (the first has committed) or the unique key (it has not): one row, and the other
	 * request the same BAD_REQUEST naming the path either way.
	 */
	@Test
	void twoRecordsOfOnePathAtOnceStoreOneAndRefuseTheOther() {
		Map<String, Object> variables = Map.of("input", Map.of("filePath", "src/raced.py"));
		List<CompletableFuture<GraphQlTester.Response>> calls = IntStream.range(0, 2)
			.mapToObj(i -> CompletableFuture.supplyAsync(() -> api.call(api.persona, RECORD, variables)))
			.toList();
		List<String> outcomes = new ArrayList<>();
		calls.forEach(call -> call.join()
			.errors()
			.satisfy(errors -> outcomes.add(errors.isEmpty() ? "stored" : errors.get(0).getErrorType() + " "
					+ errors.get(0).getExtensions().get("field") + ": " + errors.get(0).getMessage())));
		assertThat(outcomes).containsExactlyInAnyOrder("stored",
				"BAD_REQUEST input.filePath: input.filePath: another file audit row has the path src/raced.py");
		assertThat(page(Map.of("first", 100)).get("totalCount")).isEqualTo(1);
	}

	@Test
	void aConformingNameOpensNothingAndAPartPastTheCountIsRefused() {
		String id = (String) record(Map.of("filePath", "a/b.py", "v7TargetName", "WF3_V7_L1_b_2of2.py")).get("id");
		assertThat(violations(id)).isEmpty();
		Map<String, Object> before = api.row("file_audit", id);
		Errors.expect(
				api.call(api.persona, UPDATE, Map.of("id", id, "input", Map.of("v7TargetName", "WF3_V7_L1_b_3of2.py"))),
				"BAD_REQUEST", "input.v7TargetName", "3of2");
		Errors.expect(
				api.call(api.persona, UPDATE, Map.of("id", id, "input", Map.of("v7TargetName", "WF3_V7_L1_b_0of2.py"))),
				"BAD_REQUEST", "input.v7TargetName", "0of2");
		assertThat(api.row("file_audit", id)).isEqualTo(before);
		assertThat(violations(id)).isEmpty();
	}

	@Test
	void storesTheDirectiveColumnsAndRefusesBadInputChangingNothing() {
		Map<String, Object> input = new HashMap<>();
		input.put("filePath", "src/a.py");
		input.put("fileName", "a.py");
		input.put("v7DatabaseEnums", List.of("task_state"));
		input.put("v7EnumMappings", Map.of("task_state", "v7_status"));
		input.put("v7Dependencies", List.of("src/b.py"));
		input.put("v7Dependents", List.of());
		input.put("v7ImpactScore", 7);
		input.put("v7ReviewedBy", List.of("Layer Guardians"));
		input.put("v7RetirementDate", "2027-01-31");
		Map<String, Object> stored = record(input);
		String id = (String) stored.get("id");
		assertThat(stored).containsEntry("v7DatabaseEnums", List.of("task_state"))
			.containsEntry("v7EnumMappings", Map.of("task_state", "v7_status"))
			.containsEntry("v7Dependents", List.of())
			.containsEntry("v7RetirementDate", "2027-01-31");
		assertThat(api.row("file_audit", id)).containsEntry("v7_dependencies", "[\"src/b.py\"]")
			.containsEntry("v7_reviewed_by", "[\"Layer Guardians\"]");

		Errors.expect(api.call(api.persona, RECORD, Map.of("input", Map.of("filePath", "src/a.py"))), "BAD_REQUEST",
				"input.filePath", "another file audit row");
		Errors.expect(
				api.call(api.persona, RECORD, Map.of("input", Map.of("filePath", "src/c.py", "v7ImpactScore", 11))),
				"BAD_REQUEST", "input.v7ImpactScore", null);
		Errors.expect(
				api.call(api.persona, UPDATE, Map.of("id", id, "input", Map.of("v7RetirementDate", "31.01.2027"))),
				"BAD_REQUEST", "input.v7RetirementDate", null);
		Errors.expect(api.call(api.user, RECORD, Map.of("input", Map.of("filePath", "src/d.py"))), "FORBIDDEN", null,
				null);
		assertThat(api.database.rows("SELECT id FROM file_audit", Map.of())).hasSize(1);
		assertThat(api.row("file_audit", id)).containsEntry("v7_retirement_date", java.time.LocalDate.of(2027, 1, 31));
	}

	@Test
	void pagesNewestFirstByWorkflowAndReviewStatus() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add((String) record(Map.of("filePath", "p/" + i + ".py", "v7WorkflowStatus",
					i % 2 == 0 ? "completed" : "in_progress", "v7ReviewStatus", i < 3 ? "approved" : "open"))
				.get("id"));
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("first", 3);
		Map<String, Object> first = page(variables);
		assertThat(first).containsEntry("totalCount", 5);
		assertThat(nodes(first)).containsExactly(ids.get(4), ids.get(3), ids.get(2));
		variables.put("after", ((Map<String, Object>) first.get("pageInfo")).get("endCursor"));
		Map<String, Object> second = page(variables);
		assertThat(nodes(second)).containsExactly(ids.get(1), ids.get(0));
		assertThat((Map<String, Object>) second.get("pageInfo")).containsEntry("hasNextPage", false);

		assertThat(nodes(page(Map.of("workflow", "completed")))).containsExactly(ids.get(4), ids.get(2), ids.get(0));
		assertThat(nodes(page(Map.of("workflow", "completed", "review", "approved")))).containsExactly(ids.get(2),
				ids.get(0));
		Errors.expect(api.call(api.user, PAGE, Map.of()), "FORBIDDEN", null, null);
	}

	private Map<String, Object> record(Map<String, Object> input) {
		return api.ok(api.persona, "recordFileAudit", RECORD, Map.of("input", input));
	}

	private Map<String, Object> update(String id, Map<String, Object> input) {
		return api.ok(api.persona, "updateFileAudit", UPDATE, Map.of("id", id, "input", input));
	}

	private Map<String, Object> page(Map<String, Object> variables) {
		return api.call(api.persona, PAGE, variables).path("fileAudit").entity(Map.class).get();
	}

	private static List<Object> nodes(Map<String, Object> page) {
		return ((List<Map<String, Object>>) page.get("edges")).stream()
			.map(edge -> ((Map<String, Object>) edge.get("node")).get("id"))
			.toList();
	}

	/** The file audit row's violations as an admin reads them, oldest first. */
	private List<Map<String, Object>> violations(String id) {
		List<Map<String, Object>> nodes = api
			.call(api.admin, VIOLATIONS, Map.of("filter", Map.of("resourceType", "file_audit")))
			.path("metadataViolations.edges[*].node")
			.entityList(Map.class)
			.get()
			.stream()
			.map(node -> (Map<String, Object>) node)
			.filter(node -> id.equals(node.get("resourceId")))
			.toList();
		List<Map<String, Object>> oldestFirst = new ArrayList<>(nodes);
		java.util.Collections.reverse(oldestFirst);
		return oldestFirst;
	}

}

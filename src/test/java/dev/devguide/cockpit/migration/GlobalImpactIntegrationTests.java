package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.migration.MigrationImpactsClient.APPROVE_IMPACT;
import static dev.devguide.cockpit.migration.MigrationImpactsClient.CREATE_IMPACT;
import static dev.devguide.cockpit.migration.MigrationImpactsClient.impact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Global impacts through the API: severity order (never alphabetical), the filters,
 * reviews that add each persona once, admin-only approval, refusals that change nothing,
 * and {@code MigrationPhase.impacts}.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class GlobalImpactIntegrationTests extends MigrationImpactsTestBase {

	// language=GraphQL
	private static final String LIST = """
			query($risk: RiskLevel, $approval: ImpactApprovalStatus, $workflow: String, $layer: Int, $phase: Int) {
			  globalImpacts(risk: $risk, approvalStatus: $approval, workflow: $workflow, layer: $layer, phase: $phase) {
			    id riskAssessment
			  }
			}""";

	// language=GraphQL
	private static final String REVIEW = """
			mutation($id: ID!, $persona: String!) {
			  reviewGlobalImpact(id: $id, persona: $persona) { id reviewedByPersonas approvalStatus }
			}""";

	@Test
	void listsBySeverityHighestFirstNeverAlphabetically() {
		// alphabetically: critical, high, low, medium (or its reverse); by severity:
		// critical, high, medium, low
		String low = api.impact(impact("LOW", List.of("WF1"), List.of(1), null));
		String critical = api.impact(impact("CRITICAL", List.of("WF1"), List.of(1), null));
		String medium = api.impact(impact("MEDIUM", List.of("WF1"), List.of(1), null));
		String high = api.impact(impact("HIGH", List.of("WF1"), List.of(1), null));
		String secondLow = api.impact(impact("LOW", List.of("WF1"), List.of(1), null));

		assertThat(list(Map.of())).extracting(row -> row.get("riskAssessment"))
			.containsExactly("CRITICAL", "HIGH", "MEDIUM", "LOW", "LOW");
		assertThat(list(Map.of())).extracting(row -> row.get("id"))
			.containsExactly(critical, high, medium, secondLow, low);
	}

	@Test
	void filtersByRiskApprovalWorkflowLayerAndPhase() {
		String one = api.impact(impact("HIGH", List.of("WF1", "WF2"), List.of(1, 2), 3));
		String two = api.impact(impact("LOW", List.of("WF2"), List.of(3), null));
		String three = api.approvedImpact("HIGH", 3);

		assertThat(ids(Map.of("risk", "HIGH"))).containsExactlyInAnyOrder(one, three);
		assertThat(ids(Map.of("approval", "APPROVED"))).containsExactly(three);
		assertThat(ids(Map.of("approval", "PENDING"))).containsExactly(one, two);
		assertThat(ids(Map.of("workflow", "WF2"))).containsExactly(one, two);
		assertThat(ids(Map.of("workflow", "WF12"))).isEmpty();
		assertThat(ids(Map.of("layer", 2))).containsExactly(one);
		assertThat(ids(Map.of("layer", 3))).containsExactly(two);
		assertThat(ids(Map.of("phase", 3))).containsExactlyInAnyOrder(one, three);
		assertThat(ids(Map.of("phase", 3, "approval", "PENDING", "workflow", "WF1", "layer", 1))).containsExactly(one);
	}

	@Test
	void reviewsAddEachPersonaOnceAndApprovalIsForAdminsOnly() {
		String id = api.impact(impact("MEDIUM", List.of("WF1"), List.of(1), null));
		review(id, "DB Team Lead");
		review(id, "Test Sentinel");
		Map<String, Object> again = review(id, "DB Team Lead");
		assertThat(again).containsEntry("reviewedByPersonas", List.of("DB Team Lead", "Test Sentinel"))
			.containsEntry("approvalStatus", "PENDING");
		assertThat(api.row("v7_global_impacts", id)).containsEntry("reviewed_by_personas",
				"[\"DB Team Lead\",\"Test Sentinel\"]");

		Errors.expect(api.call(api.persona, APPROVE_IMPACT, Map.of("id", id)), "FORBIDDEN", null, null);
		assertThat(api.row("v7_global_impacts", id)).containsEntry("approval_status", "pending");
		assertThat(api.ok(api.admin, "approveGlobalImpact", APPROVE_IMPACT, Map.of("id", id)))
			.containsEntry("approvalStatus", "APPROVED");

		Errors.expect(api.call(api.admin, APPROVE_IMPACT, Map.of("id", id)), "BAD_REQUEST", "id", "is approved");
		Errors.expect(api.call(api.persona, REVIEW, Map.of("id", id, "persona", "Layer Guardians")), "BAD_REQUEST",
				"id", "is approved");
		assertThat(api.row("v7_global_impacts", id)).containsEntry("reviewed_by_personas",
				"[\"DB Team Lead\",\"Test Sentinel\"]");
		assertThat(api.audit(id)).containsExactly("global_impact.create success", "global_impact.review success",
				"global_impact.review success", "global_impact.review success", "global_impact.approve failure",
				"global_impact.approve success", "global_impact.approve failure", "global_impact.review failure");
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndChangesNothing() {
		Errors.expect(
				api.call(api.persona, CREATE_IMPACT,
						Map.of("input", impact("LOW", List.of("WF1", "X2"), List.of(1), null))),
				"BAD_REQUEST", "input.affectedWorkflows", "X2");
		Errors.expect(
				api.call(api.persona, CREATE_IMPACT, Map.of("input", impact("LOW", List.of("WF1"), List.of(1), 99))),
				"BAD_REQUEST", "input.phaseNumber", "no phase 99");
		Map<String, Object> blank = new HashMap<>(impact("LOW", List.of("WF1"), List.of(1), null));
		blank.put("impactDescription", "  ");
		Errors.expect(api.call(api.persona, CREATE_IMPACT, Map.of("input", blank)), "BAD_REQUEST",
				"input.impactDescription", null);
		Errors.expect(
				api.call(api.user, CREATE_IMPACT, Map.of("input", impact("LOW", List.of("WF1"), List.of(1), null))),
				"FORBIDDEN", null, null);
		assertThat(api.database.rows("SELECT id FROM v7_global_impacts", Map.of())).isEmpty();
		assertThat(api.database.rows(
				"SELECT status FROM audit_logs WHERE action = 'global_impact.create' AND user_id = :u",
				Map.of("u", api.personaId)))
			.hasSize(3)
			.allMatch(row -> "failure".equals(row.get("status")));
	}

	@Test
	void aPhaseListsItsImpactsBySeverityThroughTheRelation() {
		String low = api.impact(impact("LOW", List.of("WF1"), List.of(1), 6));
		String critical = api.approvedImpact("CRITICAL", 6);
		String medium = api.impact(impact("MEDIUM", List.of("WF1"), List.of(1), 6));
		api.impact(impact("CRITICAL", List.of("WF1"), List.of(1), 7));
		api.impact(impact("HIGH", List.of("WF1"), List.of(1), null));

		api.call(api.persona, """
				{ six: migrationPhase(number: 6) { phaseNumber impacts { id riskAssessment } }
				  five: migrationPhase(number: 5) { impacts { id } } }""", Map.of())
			.path("six.impacts[*].id")
			.entityList(String.class)
			.containsExactly(critical, medium, low)
			.path("five.impacts")
			.entityList(Map.class)
			.hasSize(0);
		assertThat(ids(Map.of("phase", 6))).containsExactly(critical, medium, low);
	}

	private Map<String, Object> review(String id, String persona) {
		return api.ok(api.persona, "reviewGlobalImpact", REVIEW, Map.of("id", id, "persona", persona));
	}

	private List<Map<String, Object>> list(Map<String, Object> variables) {
		return api.call(api.persona, LIST, variables)
			.path("globalImpacts")
			.entityList(Map.class)
			.get()
			.stream()
			.map(row -> (Map<String, Object>) row)
			.toList();
	}

	private List<Object> ids(Map<String, Object> variables) {
		return list(variables).stream().map(row -> row.get("id")).toList();
	}

}

package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.migration.MigrationImpactsClient.impact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.GeneralLog;
import dev.devguide.cockpit.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code migrationDashboard}: every phase with the highest risk of its own approved
 * impacts ranked by severity, the programme's migrated files and enum migrations, in one
 * statement; and the phase relations load many phases in one statement each.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class MigrationDashboardIntegrationTests extends MigrationImpactsTestBase {

	// language=GraphQL
	private static final String DASHBOARD = """
			{ migrationDashboard { phaseNumber phaseName phaseStatus leadPersona totalTasks completedTasks
			                       migratedFiles enumMigrations highestRisk } }""";

	@Test
	void showsEachPhasesHighestApprovedRiskBySeverityInOneStatement() {
		// alphabetically the highest of phase 2 would be medium, of phase 3 low
		api.approvedImpact("LOW", 2);
		api.approvedImpact("HIGH", 2);
		api.approvedImpact("MEDIUM", 2);
		api.impact(impact("CRITICAL", List.of("WF1"), List.of(1), 2));
		api.approvedImpact("CRITICAL", 3);
		api.approvedImpact("LOW", 3);
		api.approvedImpact("CRITICAL", null);
		api.ok(api.persona, "recordFileAudit",
				"mutation($input: FileAuditInput!) { recordFileAudit(input: $input) { id } }",
				Map.of("input", Map.of("filePath", "done.py", "v7WorkflowStatus", "completed")));
		api.ok(api.persona, "recordFileAudit",
				"mutation($input: FileAuditInput!) { recordFileAudit(input: $input) { id } }",
				Map.of("input", Map.of("filePath", "todo.py")));

		List<Map<String, Object>>[] rows = new List[1];
		List<String> statements = GeneralLog.statementsWhile(db, "%v7_%",
				() -> rows[0] = api.call(api.persona, DASHBOARD, Map.of())
					.path("migrationDashboard")
					.entityList(Map.class)
					.get()
					.stream()
					.map(row -> (Map<String, Object>) row)
					.toList());
		assertThat(statements).as("the dashboard is one statement").hasSize(1);

		Map<Integer, Map<String, Object>> byPhase = rows[0].stream()
			.collect(Collectors.toMap(row -> (Integer) row.get("phaseNumber"), row -> row));
		assertThat(byPhase.keySet()).containsExactly(1, 2, 3, 4, 5, 6, 7);
		assertThat(byPhase.get(2)).containsEntry("highestRisk", "HIGH");
		assertThat(byPhase.get(3)).containsEntry("highestRisk", "CRITICAL");
		assertThat(byPhase.get(1)).containsEntry("highestRisk", null);
		assertThat(byPhase.get(4)).containsEntry("phaseName", "Database Phase")
			.containsEntry("leadPersona", "The Architect")
			.containsEntry("migratedFiles", 1)
			.containsEntry("enumMigrations", 0);
		Map<String, Object> tasks = api.database
			.rows("SELECT COUNT(*) AS total, COUNT(CASE WHEN status = 'completed'"
					+ " THEN 1 END) AS completed FROM v7_subworkflow_tasks WHERE parent_phase = 4", Map.of())
			.get(0);
		assertThat(byPhase.get(4)).containsEntry("totalTasks", ((Number) tasks.get("total")).intValue())
			.containsEntry("completedTasks", ((Number) tasks.get("completed")).intValue());
		Errors.expect(api.call(api.user, DASHBOARD, Map.of()), "FORBIDDEN", null, null);
	}

	@Test
	void thePhaseRelationsLoadEveryPhaseOfARequestInOneStatementEach() {
		api.impact(impact("LOW", List.of("WF1"), List.of(1), 1));
		api.impact(impact("HIGH", List.of("WF1"), List.of(1), 2));
		api.ok(api.persona, "recordTestResult",
				"mutation($input: TestResultInput!) { recordTestResult(input: $input) { id } }", Map.of("input",
						Map.of("testType", "UNIT", "testStatus", "PASS", "componentTested", "x", "phaseNumber", 2)));

		List<String> statements = GeneralLog.statementsWhile(db, "SELECT%FROM v7_%",
				() -> api.call(api.admin, """
						{ a: migrationPhase(number: 1) { impacts { riskAssessment } testResults { id } }
						  b: migrationPhase(number: 2) { impacts { riskAssessment } testResults { id } }
						  c: migrationPhase(number: 3) { impacts { riskAssessment } testResults { id } } }""", Map.of())
					.path("a.impacts[*].riskAssessment")
					.entityList(String.class)
					.containsExactly("LOW")
					.path("b.impacts[*].riskAssessment")
					.entityList(String.class)
					.containsExactly("HIGH")
					.path("b.testResults")
					.entityList(Map.class)
					.hasSize(1)
					.path("c.impacts")
					.entityList(Map.class)
					.hasSize(0));
		assertThat(statements.stream().filter(sql -> sql.contains("FROM v7_global_impacts")))
			.as("one statement for the impacts of every phase")
			.hasSize(1);
		assertThat(statements.stream().filter(sql -> sql.contains("FROM v7_test_results")))
			.as("one statement for the test results of every phase")
			.hasSize(1);
	}

}

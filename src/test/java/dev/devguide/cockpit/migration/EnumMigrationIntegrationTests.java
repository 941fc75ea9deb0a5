package dev.devguide.cockpit.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Enum migrations through the API: the moves and what each sets, the refused moves, the
 * admin-only approval that needs a rollback script, edits while proposed, the filters,
 * who may read and write, and the audit rows.
 */
@IntegrationTest
class EnumMigrationIntegrationTests extends MigrationImpactsTestBase {

	// language=GraphQL
	private static final String FIELDS = """
			id currentEnumName currentEnumValues v7EnumName v7EnumValues consolidatesWith affectedTables
			affectedColumns { table columns } migrationScript rollbackScript status riskLevel approvedBy
			implementedAt validatedAt retiredAt createdAt""";

	// language=GraphQL
	private static final String CREATE = "mutation($input: EnumMigrationInput!) { createEnumMigration(input: $input) { "
			+ FIELDS + " } }";

	// language=GraphQL
	private static final String UPDATE = "mutation($id: ID!, $input: EnumMigrationInput!) { "
			+ "updateEnumMigration(id: $id, input: $input) { " + FIELDS + " } }";

	// language=GraphQL
	private static final String MOVE = "mutation($id: ID!, $status: EnumMigrationStatus!) { "
			+ "moveEnumMigration(id: $id, status: $status) { " + FIELDS + " } }";

	// language=GraphQL
	private static final String LIST = "query($status: EnumMigrationStatus, $risk: RiskLevel) { "
			+ "enumMigrations(status: $status, riskLevel: $risk) { id status riskLevel } }";

	@Test
	void movesFromProposedToRetiredSettingWhatEachMoveSetsAndAuditsEach() {
		Map<String, Object> created = create(input(true));
		String id = (String) created.get("id");
		assertThat(created).containsEntry("status", "PROPOSED")
			.containsEntry("currentEnumValues", List.of("open", "closed"))
			.containsEntry("consolidatesWith", List.of("ticket_state"))
			.containsEntry("affectedColumns", List.of(Map.of("table", "tasks", "columns", List.of("state", "prior"))))
			.containsEntry("riskLevel", "HIGH")
			.containsEntry("approvedBy", null);
		assertThat(api.row("v7_enum_migrations", id)).containsEntry("affected_columns",
				"{\"tasks\":[\"state\",\"prior\"]}");

		Map<String, Object> approved = move(api.admin, id, "APPROVED");
		assertThat(approved).containsEntry("status", "APPROVED").containsEntry("approvedBy", api.adminId);
		assertThat(approved.get("implementedAt")).isNull();
		Map<String, Object> implemented = move(api.persona, id, "IMPLEMENTED");
		assertThat(implemented.get("implementedAt")).isNotNull();
		assertThat(implemented.get("validatedAt")).isNull();
		Map<String, Object> validated = move(api.persona, id, "VALIDATED");
		assertThat(validated.get("validatedAt")).isNotNull();
		assertThat(validated.get("retiredAt")).isNull();
		Map<String, Object> retired = move(api.persona, id, "RETIRED");
		assertThat(retired).containsEntry("status", "RETIRED")
			.containsEntry("approvedBy", api.adminId)
			.containsEntry("implementedAt", implemented.get("implementedAt"))
			.containsEntry("validatedAt", validated.get("validatedAt"));
		assertThat(retired.get("retiredAt")).isNotNull();

		assertThat(api.audit(id)).containsExactly("enum_migration.create success", "enum_migration.move success",
				"enum_migration.move success", "enum_migration.move success", "enum_migration.move success");
	}

	@Test
	void rollsBackFromImplementedOrValidatedOnly() {
		String fromImplemented = approvedAndImplemented();
		assertThat(move(api.persona, fromImplemented, "ROLLED_BACK")).containsEntry("status", "ROLLED_BACK");
		String fromValidated = approvedAndImplemented();
		move(api.persona, fromValidated, "VALIDATED");
		assertThat(move(api.persona, fromValidated, "ROLLED_BACK")).containsEntry("status", "ROLLED_BACK");

		String proposed = (String) create(input(true)).get("id");
		refused(proposed, "ROLLED_BACK", "proposed");
		String approved = (String) create(input(true)).get("id");
		move(api.admin, approved, "APPROVED");
		refused(approved, "ROLLED_BACK", "approved");
		refused(fromImplemented, "ROLLED_BACK", "rolled_back");
	}

	@Test
	void refusesEveryOtherMoveNamingTheCurrentStatusAndChangesNothing() {
		String id = (String) create(input(true)).get("id");
		Map<String, Object> before = api.row("v7_enum_migrations", id);
		for (String to : List.of("PROPOSED", "IMPLEMENTED", "VALIDATED", "RETIRED")) {
			refused(id, to, "proposed");
		}
		assertThat(api.row("v7_enum_migrations", id)).isEqualTo(before);
		move(api.admin, id, "APPROVED");
		refused(id, "APPROVED", "approved");
		refused(id, "VALIDATED", "approved");
		move(api.persona, id, "IMPLEMENTED");
		move(api.persona, id, "VALIDATED");
		move(api.persona, id, "RETIRED");
		Map<String, Object> retired = api.row("v7_enum_migrations", id);
		for (String to : List.of("PROPOSED", "APPROVED", "IMPLEMENTED", "VALIDATED", "ROLLED_BACK")) {
			refused(id, to, "retired");
		}
		assertThat(api.row("v7_enum_migrations", id)).isEqualTo(retired);
		assertThat(api.audit(id)).filteredOn(row -> row.endsWith("failure")).hasSize(11);
	}

	@Test
	void approvalIsForAdminsOnlyAndNeedsARollbackScript() {
		String id = (String) create(input(false)).get("id");
		Errors.expect(api.call(api.persona, MOVE, Map.of("id", id, "status", "APPROVED")), "FORBIDDEN", null, null);
		Errors.expect(api.call(api.admin, MOVE, Map.of("id", id, "status", "APPROVED")), "BAD_REQUEST",
				"rollbackScript", "no rollback script");
		assertThat(api.row("v7_enum_migrations", id)).containsEntry("status", "proposed")
			.containsEntry("approved_by", null);

		update(api.persona, id, Map.of("rollbackScript", "ALTER TABLE tasks MODIFY state ENUM('open','closed')"));
		assertThat(move(api.admin, id, "APPROVED")).containsEntry("status", "APPROVED");
		assertThat(api.audit(id)).containsExactly("enum_migration.create success", "enum_migration.move failure",
				"enum_migration.move failure", "enum_migration.update success", "enum_migration.move success");
	}

	@Test
	void fieldsChangeWhileProposedOnlyAndBadInputChangesNothing() {
		String id = (String) create(input(true)).get("id");
		Map<String, Object> changed = update(api.persona, id,
				Map.of("v7EnumValues", List.of("open", "done"), "affectedTables", List.of("tasks", "tickets"),
						"affectedColumns",
						List.of(Map.of("table", "tasks", "columns", List.of("state")),
								Map.of("table", "tickets", "columns", List.of("status"))),
						"consolidatesWith", List.of()));
		assertThat(changed).containsEntry("v7EnumValues", List.of("open", "done"))
			.containsEntry("affectedColumns",
					List.of(Map.of("table", "tasks", "columns", List.of("state")),
							Map.of("table", "tickets", "columns", List.of("status"))))
			.containsEntry("currentEnumName", "task_state");
		Map<String, Object> before = api.row("v7_enum_migrations", id);

		Errors.expect(
				api.call(api.persona, UPDATE,
						Map.of("id", id, "input",
								Map.of("affectedColumns",
										List.of(Map.of("table", "users", "columns", List.of("state")))))),
				"BAD_REQUEST", "input.affectedColumns[0].table", "not among affectedTables");
		Errors.expect(
				api.call(api.persona, UPDATE, Map.of("id", id, "input", Map.of("affectedTables", List.of("tasks")))),
				"BAD_REQUEST", "input.affectedTables", "tickets");
		Errors.expect(api.call(api.persona, UPDATE, Map.of("id", id, "input", Map.of("v7EnumName", " "))),
				"BAD_REQUEST", "input.v7EnumName", null);
		assertThat(api.row("v7_enum_migrations", id)).isEqualTo(before);

		move(api.admin, id, "APPROVED");
		Errors.expect(api.call(api.persona, UPDATE, Map.of("id", id, "input", Map.of("riskLevel", "LOW"))),
				"BAD_REQUEST", "id", "is approved");
		assertThat(api.row("v7_enum_migrations", id)).containsEntry("risk_level", "high");
	}

	@Test
	void listsByStatusAndRiskNewestFirst() {
		String low = (String) create(with(input(true), "riskLevel", "LOW")).get("id");
		String high = (String) create(input(true)).get("id");
		String approved = (String) create(input(true)).get("id");
		move(api.admin, approved, "APPROVED");

		assertThat(list(null, null)).containsExactly(approved, high, low);
		assertThat(list("PROPOSED", null)).containsExactly(high, low);
		assertThat(list(null, "HIGH")).containsExactly(approved, high);
		assertThat(list("APPROVED", "LOW")).isEmpty();
	}

	@Test
	void onlyAdminsAndTheMigrationPersonasReadAndWrite() {
		Errors.expect(api.call(api.user, LIST, Map.of()), "FORBIDDEN", null, null);
		Errors.expect(api.call(api.user, CREATE, Map.of("input", input(true))), "FORBIDDEN", null, null);
		assertThat(api.database.rows("SELECT id FROM v7_enum_migrations", Map.of())).isEmpty();
		assertThat(api.call(api.admin, LIST, Map.of()).path("enumMigrations").entityList(Map.class).get()).isEmpty();
	}

	private String approvedAndImplemented() {
		String id = (String) create(input(true)).get("id");
		move(api.admin, id, "APPROVED");
		move(api.persona, id, "IMPLEMENTED");
		return id;
	}

	/**
	 * A refused move, by an admin where only admins may move (so that the status
	 * decides).
	 */
	private void refused(String id, String to, String current) {
		Errors.expect(api.call("APPROVED".equals(to) ? api.admin : api.persona, MOVE, Map.of("id", id, "status", to)),
				"BAD_REQUEST", "status", "is " + current + ";");
	}

	private Map<String, Object> create(Map<String, Object> input) {
		return api.ok(api.persona, "createEnumMigration", CREATE, Map.of("input", input));
	}

	private Map<String, Object> update(HttpGraphQlTester caller, String id, Map<String, Object> input) {
		return api.ok(caller, "updateEnumMigration", UPDATE, Map.of("id", id, "input", input));
	}

	private Map<String, Object> move(HttpGraphQlTester caller, String id, String status) {
		return api.ok(caller, "moveEnumMigration", MOVE, Map.of("id", id, "status", status));
	}

	@SuppressWarnings("unchecked")
	private List<String> list(String status, String risk) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("status", status);
		variables.put("risk", risk);
		return api.call(api.persona, LIST, variables)
			.path("enumMigrations")
			.entityList(Map.class)
			.get()
			.stream()
			.map(row -> (String) ((Map<String, Object>) row).get("id"))
			.toList();
	}

	private static Map<String, Object> input(boolean rollbackScript) {
		Map<String, Object> input = new HashMap<>();
		input.put("currentEnumName", "task_state");
		input.put("currentEnumValues", List.of("open", "closed"));
		input.put("v7EnumName", "v7_status");
		input.put("v7EnumValues", List.of("open", "closed", "archived"));
		input.put("consolidatesWith", List.of("ticket_state"));
		input.put("affectedTables", List.of("tasks"));
		input.put("affectedColumns", List.of(Map.of("table", "tasks", "columns", List.of("state", "prior"))));
		input.put("migrationScript", "ALTER TABLE tasks MODIFY state ENUM('open','closed','archived')");
		if (rollbackScript) {
			input.put("rollbackScript", "ALTER TABLE tasks MODIFY state ENUM('open','closed')");
		}
		input.put("riskLevel", "HIGH");
		return input;
	}

	private static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
		Map<String, Object> changed = new HashMap<>(input);
		changed.put(key, value);
		return changed;
	}

}

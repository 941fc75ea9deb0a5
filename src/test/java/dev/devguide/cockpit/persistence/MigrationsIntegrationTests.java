package dev.devguide.cockpit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.devguide.cockpit.support.TestDataDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The changelog in {@code migrations/} applied to, inspected on and rolled back from an
 * empty database of the embedded MariaDB: every table of the data model and of the
 * migration-tracking directive, the seed, the foreign-key strategy, and rollbacks that
 * leave nothing behind.
 */
class MigrationsIntegrationTests {

	/** The spec's 24 tables, in the order the changelog creates them. */
	private static final List<String> SPEC_TABLES = SchemaExpectations.SPEC_TABLES;

	private static final List<String> LIQUIBASE_TABLES = List.of("DATABASECHANGELOG", "DATABASECHANGELOGLOCK");

	private static final String SPEC_PATTERN = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z$";

	private static EmbeddedMariaDb server;

	private static int databases;

	private DatabaseEndpoint endpoint;

	private Migrations migrations;

	@BeforeAll
	static void startServer() {
		server = EmbeddedMariaDb.start(TestDataDirectory.child("migrations"));
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void createEmptyDatabase() throws SQLException {
		DatabaseEndpoint root = server.endpoint();
		String name = "migrations_" + (++databases);
		update(root, "CREATE DATABASE " + name);
		endpoint = new DatabaseEndpoint(root.host(), root.port(), name, root.user(), root.password());
		migrations = new Migrations(endpoint);
	}

	@Test
	void createsEveryTableAndTheDashboardView() throws SQLException {
		migrations.apply();

		assertThat(tables())
			.containsExactlyInAnyOrderElementsOf(concat(SchemaExpectations.CHANGELOG_TABLES, LIQUIBASE_TABLES));
		assertThat(query("SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()"))
			.containsExactly("v7_migration_dashboard");
		assertThat(migrations.pending()).isEmpty();
	}

	@Test
	void theLedgerHasItsOwnChangelogAndRollbackAndAHealthySchemaHasNoDrift() throws SQLException {
		migrations.apply();
		SchemaChanges changes = new SchemaChanges(migrations, true);
		assertThat(changes.health()).as("without the ledger")
			.extracting(SchemaDrift::check, SchemaDrift::object, SchemaDrift::found)
			.containsExactlyInAnyOrder(tuple(SchemaDrift.Check.TABLE, "schema_approvals", "missing"),
					tuple(SchemaDrift.Check.TABLE, "schema_rollback_checks", "missing"));

		new SchemaLedger(endpoint).ensure();

		assertThat(changes.health()).isEmpty();
		assertThat(tables()).containsAll(SchemaExpectations.LEDGER_TABLES)
			.contains(SchemaLedger.TRACKING_TABLE, SchemaLedger.TRACKING_TABLE + "_LOCK");
		assertThat(migrations.pending()).as("the ledger is no changeset of the schema's changelog").isEmpty();
		Migrations ledger = new Migrations(endpoint, SchemaLedger.CHANGELOG, SchemaLedger.TRACKING_TABLE);
		assertThat(ledger.appliedCount()).isEqualTo(2);
		ledger.rollbackCount(2);
		assertThat(tables()).doesNotContainAnyElementsOf(SchemaExpectations.LEDGER_TABLES)
			.containsAll(SchemaExpectations.CHANGELOG_TABLES);
	}

	@Test
	void makesEveryTimestampColumnMicrosecondPrecise() throws SQLException {
		migrations.apply();

		assertThat(query("SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME, ' ', COLUMN_TYPE) FROM information_schema.COLUMNS"
				+ " WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE = 'timestamp' AND TABLE_NAME NOT LIKE 'DATABASECHANGELOG%'"))
			.hasSizeGreaterThan(50)
			.allSatisfy((column) -> assertThat(column).endsWith(" timestamp(6)"));
		assertThat(query("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
				+ " AND EXTRA LIKE '%on update%'"))
			.isNotEmpty()
			.allSatisfy((column) -> assertThat(column).isEqualTo("updated_at"));
		assertThat(query("SELECT CONCAT(COLUMN_NAME, ':', COALESCE(COLUMN_DEFAULT, 'none'), ':', EXTRA)"
				+ " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
				+ " AND TABLE_NAME = 'filesystem_timestamps' AND COLUMN_NAME IN ('atime', 'mtime', 'ctime')"))
			.containsOnly("atime:none:", "mtime:none:", "ctime:none:");
	}

	@Test
	void storesTheSeedPatternExactlyAsTheSpecWroteIt() throws SQLException {
		migrations.apply();

		List<String> stored = query("SELECT pattern_regex FROM metadata_standards WHERE id = 'ts-001-zulu'");
		assertThat(stored).containsExactly(SPEC_PATTERN);
		Pattern zulu = Pattern.compile(stored.get(0));
		assertThat(zulu.matcher("2026-01-01T14:30:45.123456Z").matches()).isTrue();
		assertThat(zulu.matcher("2026-01-01T14:30:45Z").matches()).isTrue();
		assertThat(zulu.matcher("2026-01-01 14:30:45").matches()).isFalse();
		assertThat(zulu.matcher("2026-01-01T14:30:45.1234567Z").matches()).isFalse();
	}

	@Test
	void addsTheFieldPatternOfStandardsAndTheProjectOfViolations() throws SQLException {
		migrations.apply();

		List<String> stored = query("SELECT field_pattern FROM metadata_standards WHERE id = 'ts-001-zulu'");
		assertThat(stored).containsExactly("(^|\\.)[^.\\[\\]]*_at$");
		com.google.re2j.Pattern timestamps = com.google.re2j.Pattern.compile(stored.get(0));
		assertThat(Stream.of("created_at", "metadata.created_at", "items[0].updated_at", "a.b[2].c.seen_at"))
			.allSatisfy(path -> assertThat(timestamps.matcher(path).find()).as(path).isTrue());
		assertThat(Stream.of("status", "created_at_utc", "items[0]", "created_at.value", "dates_at[1]", "format"))
			.allSatisfy(path -> assertThat(timestamps.matcher(path).find()).as(path).isFalse());
		assertThat(
				query("SELECT CONCAT(COLUMN_NAME, ' ', COLUMN_TYPE, ' ', IS_NULLABLE) FROM information_schema.COLUMNS"
						+ " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'metadata_violations' AND COLUMN_NAME = 'project_id'"))
			.containsExactly("project_id varchar(36) YES");
		assertThat(query("SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
				+ " AND TABLE_NAME = 'metadata_violations' AND COLUMN_NAME = 'resolved_by'"))
			.containsExactly("varchar(255)");
		assertThat(query("SELECT GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) FROM information_schema.STATISTICS"
				+ " WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME IN ('idx_project_status_detected', 'idx_project_detected',"
				+ " 'idx_project_created', 'idx_project_status_created') GROUP BY TABLE_NAME, INDEX_NAME"
				+ " ORDER BY TABLE_NAME, INDEX_NAME"))
			.containsExactly("project_id,detected_at", "project_id,status,detected_at", "project_id,created_at",
					"project_id,status,created_at");

		migrations.rollbackToTag("events-1.0.0");

		assertThat(query("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
				+ " AND COLUMN_NAME IN ('field_pattern', 'project_id') AND TABLE_NAME LIKE 'metadata%'"))
			.isEmpty();
		assertThat(query("SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
				+ " AND TABLE_NAME = 'sync_buffer' AND INDEX_NAME LIKE 'idx_project_%created'"))
			.containsExactly("0");
		assertThat(query("SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
				+ " AND TABLE_NAME = 'metadata_violations' AND COLUMN_NAME = 'resolved_by'"))
			.containsExactly("varchar(36)");
	}

	@Test
	void addsTheKeyColumnsOfProvidersAndToolGrantsAndRollsThemBack() throws SQLException {
		migrations.apply();
		String columns = "SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME, ' ', COLUMN_TYPE, ' ', IS_NULLABLE)"
				+ " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN"
				+ " ('api_configurations', 'external_tool_access') AND (COLUMN_NAME LIKE 'api_key_%' OR COLUMN_NAME LIKE"
				+ " 'oauth_%') ORDER BY TABLE_NAME, ORDINAL_POSITION";
		assertThat(query(columns)).containsExactly("api_configurations.api_key_encrypted varbinary(512) YES",
				"api_configurations.api_key_id varchar(32) YES", "api_configurations.api_key_last4 varchar(4) YES",
				"api_configurations.api_key_set_at timestamp(6) YES", "external_tool_access.oauth_config longtext YES",
				"external_tool_access.oauth_key_id varchar(32) YES",
				"external_tool_access.oauth_set_at timestamp(6) YES");

		migrations.rollbackToTag("governance-additions-1.0.0");

		assertThat(query(columns)).containsExactly("api_configurations.api_key_encrypted varbinary(512) YES",
				"external_tool_access.oauth_config longtext YES");
	}

	@Test
	void addsOneVersionStringPerExtensionDashboardAndRollsItBack() throws SQLException {
		migrations.apply();
		String unique = "SELECT CONCAT(NON_UNIQUE, ' ', GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX))"
				+ " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'dashboard_versions'"
				+ " AND INDEX_NAME = 'uk_dashboard_version' GROUP BY NON_UNIQUE";
		assertThat(query(unique)).containsExactly("0 dashboard_id,version");

		migrations.rollbackToTag("monitoring-additions-1.0.0");

		assertThat(query(unique)).isEmpty();
	}

	@Test
	void declaresTheForeignKeyStrategyOfTheSpec() throws SQLException {
		migrations.apply();

		Map<String, String> deleteRules = new LinkedHashMap<>();
		for (List<String> row : rows("SELECT CONCAT(TABLE_NAME, ' -> ', REFERENCED_TABLE_NAME), DELETE_RULE"
				+ " FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()")) {
			deleteRules.put(row.get(0), row.get(1));
		}
		assertThat(deleteRules)
			.containsExactlyInAnyOrderEntriesOf(Map.ofEntries(entry("profiles -> projects", "CASCADE"),
					entry("dashboards -> profiles", "CASCADE"), entry("modules -> dashboards", "CASCADE"),
					entry("guardrails -> projects", "CASCADE"), entry("capabilities -> modules", "CASCADE"),
					entry("sync_buffer -> projects", "CASCADE"), entry("propagation_log -> sync_buffer", "CASCADE"),
					entry("context_windows -> projects", "CASCADE"), entry("api_configurations -> projects", "CASCADE"),
					entry("external_tool_access -> projects", "CASCADE"),
					entry("external_tool_access -> tool_registry", "CASCADE"),
					entry("project_extension_mappings -> projects", "CASCADE"),
					entry("dashboard_versions -> extension_dashboards", "CASCADE"),
					entry("metadata_violations -> metadata_standards", "RESTRICT"),
					entry("project_extension_mappings -> extension_dashboards", "RESTRICT"),
					entry("v7_subworkflow_tasks -> v7_migration_workflow", "RESTRICT"),
					entry("v7_global_impacts -> v7_migration_workflow", "RESTRICT"),
					entry("v7_test_results -> v7_migration_workflow", "RESTRICT")));
	}

	@Test
	void cascadesTheHierarchyAndRestrictsTheAuditTrail() throws SQLException {
		migrations.apply();
		update(endpoint, "INSERT INTO projects (id, name, owner_user_id) VALUES ('p1', 'Project', 'u1')");
		update(endpoint, "INSERT INTO profiles (id, project_id, name) VALUES ('pr1', 'p1', 'Profile')");
		update(endpoint, "INSERT INTO dashboards (id, profile_id, name, layout, position)"
				+ " VALUES ('d1', 'pr1', 'Dashboard', '{}', 0)");
		update(endpoint, "INSERT INTO modules (id, dashboard_id, module_type, name, configuration, position)"
				+ " VALUES ('m1', 'd1', 'checklist', 'Module', '{}', 0)");
		update(endpoint, "INSERT INTO metadata_violations (id, standard_id, resource_type, resource_id)"
				+ " VALUES ('v1', 'ts-001-zulu', 'dashboard', 'd1')");

		update(endpoint, "DELETE FROM projects WHERE id = 'p1'");

		assertThat(query("SELECT COUNT(*) FROM modules")).containsExactly("0");
		assertThatThrownBy(() -> update(endpoint, "DELETE FROM metadata_standards WHERE id = 'ts-001-zulu'"))
			.isInstanceOf(SQLIntegrityConstraintViolationException.class);
	}

	@Test
	void ranksTheHighestRiskOfEachPhaseAndCountsTasksPerPhaseInTheDashboardView() throws SQLException {
		migrations.apply();
		assertThat(rows("SELECT phase_number, phase_name, status FROM v7_migration_workflow ORDER BY phase_number"))
			.as("the seven phases are seeded")
			.hasSize(7)
			.contains(List.of("4", "Database Phase", "not_started"));
		update(endpoint,
				"INSERT INTO v7_subworkflow_tasks (id, parent_phase, task_number, task_name,"
						+ " responsible_persona, status) VALUES ('t1', 1, 1, 'a', 'x', 'completed'),"
						+ " ('t2', 1, 2, 'b', 'x', 'pending'), ('t3', 2, 1, 'c', 'x', 'completed')");
		// alphabetically medium > low > high > critical: a MAX over the words would pick
		// medium in phase 1
		// and low in phase 2
		update(endpoint,
				"INSERT INTO v7_global_impacts (id, change_type, change_detail, affected_workflows,"
						+ " affected_layers, impact_description, risk_assessment, approval_status, phase_number)"
						+ " VALUES ('g1', 'enum', '{}', '[\"WF1\"]', '[1]', 'd', 'low', 'approved', 1),"
						+ " ('g2', 'enum', '{}', '[\"WF2\"]', '[2]', 'd', 'high', 'approved', 1),"
						+ " ('g3', 'enum', '{}', '[\"WF3\"]', '[3]', 'd', 'medium', 'approved', 1),"
						+ " ('g4', 'enum', '{}', '[\"WF4\"]', '[4]', 'd', 'critical', 'pending', 1),"
						+ " ('g5', 'enum', '{}', '[\"WF1\"]', '[1]', 'd', 'critical', 'approved', 2),"
						+ " ('g6', 'enum', '{}', '[\"WF1\"]', '[1]', 'd', 'low', 'approved', 2),"
						+ " ('g7', 'enum', '{}', '[\"WF1\"]', '[1]', 'd', 'critical', 'approved', NULL)");

		assertThat(rows("SELECT phase_number, total_tasks, completed_tasks, highest_risk"
				+ " FROM v7_migration_dashboard ORDER BY phase_number"))
			.as("the highest risk of each phase's approved impacts, by rank")
			.startsWith(List.of("1", "2", "1", "high"), List.of("2", "1", "1", "critical"),
					Arrays.asList("3", "0", "0", null))
			.hasSize(7);
	}

	@Test
	void theImpactsChangesetsRollBackToTheProgrammeTagAndRestoreTheDashboardViewExactly()
			throws SQLException, IOException {
		migrations.apply();
		assertThat(query("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
				+ " AND COLUMN_NAME = 'phase_number' AND TABLE_NAME IN ('v7_global_impacts', 'v7_test_results')"))
			.containsExactly("2");
		String naming = query("SELECT pattern_regex FROM metadata_standards WHERE id = 'nm-001-v7-file-name'").get(0);
		com.google.re2j.Pattern pattern = com.google.re2j.Pattern.compile(naming);
		assertThat(List.of("WF1_V7_L2_user_service_1of3.py", "WF12_V7_L0_x_2of2.py"))
			.allMatch(name -> pattern.matcher(name).find());
		assertThat(List.of("user_service.py", "WF1_V7_L2_user_service.py", "WF1_V7_L2_user_service_1of3.pyc",
				"WF0_V7_L2_a_1of3.py", "WF1_V7_L2__1of3.py", "WF1_V7_L2_a_0of3.py"))
			.noneMatch(name -> pattern.matcher(name).find());

		migrations.rollbackToTag("migration-programme-1.0.0");

		assertThat(query("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
				+ " AND COLUMN_NAME = 'phase_number' AND TABLE_NAME IN ('v7_global_impacts', 'v7_test_results')"))
			.containsExactly("0");
		assertThat(query("SELECT COUNT(*) FROM metadata_standards WHERE id = 'nm-001-v7-file-name'"))
			.containsExactly("0");
		assertThat(query("SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
				+ " AND TABLE_NAME = 'metadata_standards' AND COLUMN_NAME = 'category'"))
			.containsExactly("enum('temporal','nomenclature','versioning')");
		String restored = viewDefinition();
		// the view exactly as the foundation's changeset creates it
		update(endpoint, "DROP VIEW v7_migration_dashboard");
		String foundation = Files.readString(Path.of("migrations/100-migration-tracking.sql"));
		String create = foundation.substring(foundation.indexOf("CREATE SQL SECURITY INVOKER VIEW"),
				foundation.indexOf("ORDER BY mw.phase_number;") + "ORDER BY mw.phase_number".length());
		update(endpoint, create);
		assertThat(restored).isEqualTo(viewDefinition());
		migrations.apply();
		assertThat(viewDefinition()).contains("risk_rank");
	}

	private String viewDefinition() throws SQLException {
		return query("SELECT VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()"
				+ " AND TABLE_NAME = 'v7_migration_dashboard'")
			.get(0);
	}

	@Test
	void rollsBackToAnEmptySchemaAndAppliesAgain() throws SQLException {
		migrations.apply();

		migrations.rollbackCount(migrations.appliedCount());

		assertThat(tables()).containsExactlyInAnyOrderElementsOf(LIQUIBASE_TABLES);
		assertThat(query("SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()")).isEmpty();
		assertThat(migrations.appliedCount()).isZero();

		migrations.apply();

		assertThat(tables())
			.containsExactlyInAnyOrderElementsOf(concat(SchemaExpectations.CHANGELOG_TABLES, LIQUIBASE_TABLES));
		assertThat(query("SELECT pattern_regex FROM metadata_standards WHERE id = 'ts-001-zulu'"))
			.containsExactly(SPEC_PATTERN);
	}

	@Test
	void theDailyModelRollupIsFilledFromTheDailyRollupItAdds() throws SQLException {
		migrations.apply();
		migrations.rollbackToTag("monitoring-additions-1.0.0");
		update(endpoint,
				"INSERT INTO token_usage_daily (project_id, bucket_start, provider, model, operation_type,"
						+ " dashboard_context, input_tokens, output_tokens, total_cost, requests) VALUES"
						+ " ('p1', '2026-05-01 00:00:00', 'claude', 'sonnet', 'chat', '', 10, 1, 0.5000, 2),"
						+ " ('p1', '2026-05-01 00:00:00', 'claude', 'sonnet', 'review', 'board', 5, 2, 0.2500, 1),"
						+ " ('p1', '2026-05-02 00:00:00', 'claude', 'sonnet', 'chat', '', 1, 1, 0.0100, 1),"
						+ " ('p2', '2026-05-01 00:00:00', 'openai', 'gpt', '', '', 7, 3, 1.0000, 4)");

		migrations.apply();

		assertThat(rows("SELECT project_id, DATE_FORMAT(bucket_start, '%Y-%m-%d'), provider, model, input_tokens,"
				+ " output_tokens, total_cost, requests FROM token_usage_daily_model ORDER BY 1, 2"))
			.containsExactly(List.of("p1", "2026-05-01", "claude", "sonnet", "15", "3", "0.7500", "3"),
					List.of("p1", "2026-05-02", "claude", "sonnet", "1", "1", "0.0100", "1"),
					List.of("p2", "2026-05-01", "openai", "gpt", "7", "3", "1.0000", "4"));
	}

	@ParameterizedTest
	@CsvSource({ "core-1.1.0, 4", "governance-1.1.0, 17", "cortex-1.1.0, 21", "schema-1.1.0, 24" })
	void rollsBackToATagLeavingExactlyTheTablesCreatedBeforeIt(String tag, int specTables) throws SQLException {
		migrations.apply();

		migrations.rollbackToTag(tag);

		assertThat(tables())
			.containsExactlyInAnyOrderElementsOf(concat(SPEC_TABLES.subList(0, specTables), LIQUIBASE_TABLES));
		assertThat(migrations.pending()).isNotEmpty();
		migrations.apply();
		assertThat(migrations.pending()).isEmpty();
	}

	private List<String> tables() throws SQLException {
		return query("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
				+ " AND TABLE_TYPE = 'BASE TABLE'");
	}

	/** The first column of every row of a query on the test's database. */
	private List<String> query(String sql) throws SQLException {
		return rows(sql).stream().map((row) -> row.get(0)).toList();
	}

	private List<List<String>> rows(String sql) throws SQLException {
		try (Connection connection = connect(endpoint);
				PreparedStatement statement = connection.prepareStatement(sql)) {
			try (ResultSet result = statement.executeQuery()) {
				List<List<String>> rows = new ArrayList<>();
				int columns = result.getMetaData().getColumnCount();
				while (result.next()) {
					List<String> row = new ArrayList<>();
					for (int column = 1; column <= columns; column++) {
						row.add(result.getString(column));
					}
					rows.add(row);
				}
				return rows;
			}
		}
	}

	private static void update(DatabaseEndpoint target, String sql) throws SQLException {
		try (Connection connection = connect(target); PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.executeUpdate();
		}
	}

	private static Connection connect(DatabaseEndpoint target) throws SQLException {
		return DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
	}

	@SafeVarargs
	private static List<String> concat(List<String>... lists) {
		return Stream.of(lists).flatMap(List::stream).toList();
	}

}

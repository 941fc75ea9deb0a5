package dev.devguide.cockpit.persistence;

import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What a migrated database holds, for {@code schemaHealth} and the migration tests: the
 * tables (the data model's 24, the migration-tracking directive's, this project's
 * additions and the schema-change ledger), the view, the named indexes of the
 * specification (with, for each one deliberately not created, the item of
 * {@code migrations/README.md} that records it), and the seeded rows.
 */
public final class SchemaExpectations {

	/**
	 * The 24 tables of data model specification 1.1.0, in the order the changelog creates
	 * them.
	 */
	public static final List<String> SPEC_TABLES = List.of("projects", "profiles", "dashboards", "modules", "templates",
			"guardrails", "capabilities", "sync_buffer", "propagation_log", "audit_logs", "version_history",
			"context_windows", "cached_responses", "metadata_standards", "metadata_violations", "filesystem_timestamps",
			"clock_sync_status", "token_usage", "api_configurations", "tool_registry", "external_tool_access",
			"extension_dashboards", "project_extension_mappings", "dashboard_versions");

	/**
	 * The tables of the migration-tracking directive (file_audit: its base table, README
	 * item 26).
	 */
	public static final List<String> TRACKING_TABLES = List.of("file_audit", "v7_migration_workflow",
			"v7_enum_migrations", "v7_global_impacts", "v7_subworkflow_tasks", "v7_test_results");

	/**
	 * This project's added tables (README, "Additions to the specification"): the event
	 * outbox, and the price list, rollups and idempotency keys of token usage.
	 */
	public static final List<String> ADDED_TABLES = List.of("event_outbox", "event_sequences", "model_prices",
			"token_usage_hourly", "token_usage_daily", "token_usage_daily_model", "usage_idempotency_keys");

	/** The schema-change ledger, from its own changelog ({@link SchemaLedger}). */
	public static final List<String> LEDGER_TABLES = List.of("schema_approvals", "schema_rollback_checks");

	/** The directive's monitoring view. */
	public static final List<String> VIEWS = List.of("v7_migration_dashboard");

	/** Every table the schema's changelog creates. */
	public static final List<String> CHANGELOG_TABLES = Stream.of(SPEC_TABLES, TRACKING_TABLES, ADDED_TABLES)
		.flatMap(List::stream)
		.toList();

	/** Every table a healthy database holds. */
	public static final List<String> TABLES = Stream.of(CHANGELOG_TABLES, LEDGER_TABLES).flatMap(List::stream).toList();

	private static final String DEVIATION = "migrations/README.md, deviation ";

	private static final String ADDITION = "migrations/README.md, addition ";

	/**
	 * The named indexes of the data model specification and the migration-tracking
	 * directive.
	 */
	public static final List<ExpectedIndex> INDEXES = List.of(
			// Data model: the indexes of each CREATE TABLE.
			index("projects", "idx_owner"), index("projects", "idx_template"), index("profiles", "idx_project"),
			index("dashboards", "idx_profile"), index("dashboards", "idx_template"), index("modules", "idx_dashboard"),
			index("modules", "idx_type"), index("templates", "idx_category"), index("templates", "idx_approved"),
			index("guardrails", "idx_project"), index("guardrails", "idx_severity"),
			index("capabilities", "idx_module"), index("capabilities", "idx_type"),
			index("sync_buffer", "idx_project_status"), index("sync_buffer", "idx_created"),
			index("propagation_log", "idx_sync_buffer"), index("propagation_log", "idx_dashboard"),
			index("propagation_log", "idx_created"), index("audit_logs", "idx_user_timestamp"),
			deviation("audit_logs", "idx_action", ADDITION + "14 (replaced by idx_action_timestamp)"),
			deviation("audit_logs", "idx_resource", ADDITION + "14 (replaced by idx_resource_timestamp)"),
			index("audit_logs", "idx_timestamp"), index("version_history", "idx_resource"),
			index("version_history", "idx_created"), index("context_windows", "idx_project"),
			deviation("cached_responses", "idx_hash", DEVIATION + "5 (duplicates the UNIQUE key prompt_hash)"),
			index("cached_responses", "idx_provider"), index("cached_responses", "idx_created"),
			index("metadata_standards", "idx_category"), index("metadata_standards", "idx_active"),
			index("metadata_violations", "idx_resource"), index("metadata_violations", "idx_status"),
			index("metadata_violations", "idx_standard"), index("metadata_violations", "idx_detected"),
			index("filesystem_timestamps", "idx_file_path"), index("filesystem_timestamps", "idx_mtime"),
			index("filesystem_timestamps", "idx_project"), index("filesystem_timestamps", "idx_captured"),
			index("clock_sync_status", "idx_component"), index("clock_sync_status", "idx_status"),
			index("clock_sync_status", "idx_last_sync"), index("token_usage", "idx_project_timestamp"),
			index("token_usage", "idx_provider_timestamp"), index("token_usage", "idx_model"),
			index("token_usage", "idx_timestamp"), index("api_configurations", "idx_enabled"),
			index("tool_registry", "idx_category"), index("tool_registry", "idx_system"),
			index("external_tool_access", "idx_enabled"), index("external_tool_access", "idx_expires"),
			index("extension_dashboards", "idx_extension_id"), index("extension_dashboards", "idx_approved"),
			index("extension_dashboards", "idx_downloads"), index("project_extension_mappings", "idx_project"),
			index("project_extension_mappings", "idx_enabled"), index("dashboard_versions", "idx_dashboard_created"),
			index("dashboard_versions", "idx_version"),
			// Data model: Performance Indexes (the partial ones as full composites,
			// deviations 2 and 3).
			index("metadata_violations", "idx_violations_open_detected"),
			index("metadata_violations", "idx_violations_standard_status"),
			index("token_usage", "idx_token_usage_project_provider_timestamp"),
			index("token_usage", "idx_token_usage_model_cost"),
			index("project_extension_mappings", "idx_project_extensions_enabled"),
			deviation("dashboard_versions", "idx_dashboard_versions_dashboard_created",
					DEVIATION + "4 (the same index as idx_dashboard_created)"),
			// Migration-tracking directive, section 7.
			index("v7_migration_workflow", "idx_v7_workflow_status"), index("file_audit", "idx_file_audit_v7_status"),
			index("v7_enum_migrations", "idx_enum_migrations_status"),
			index("v7_global_impacts", "idx_global_impacts_risk"),
			index("v7_subworkflow_tasks", "idx_subworkflow_status"),
			index("v7_test_results", "idx_test_results_status"));

	/**
	 * The seeded rows: each a query whose single value must equal {@code expected}. Add a
	 * seed changeset's row here.
	 */
	public static final List<ExpectedSeed> SEEDS = List.of(
			new ExpectedSeed("metadata_standards.ts-001-zulu",
					"SELECT COUNT(*) FROM metadata_standards WHERE id = 'ts-001-zulu'", "1",
					"the data model's timestamp standard (006-metadata-governance.sql)"),
			new ExpectedSeed("v7_migration_workflow phases 1..7",
					"SELECT COUNT(DISTINCT phase_number) FROM v7_migration_workflow WHERE phase_number BETWEEN 1 AND 7",
					"7", "the seven phases of the programme (480-migration-programme.sql)"),
			new ExpectedSeed("metadata_standards.nm-001-v7-file-name",
					"SELECT COUNT(*) FROM metadata_standards WHERE id = 'nm-001-v7-file-name' AND category = 'naming'",
					"1", "the V7 file naming standard of the file audit (485-migration-impacts.sql)"));

	private SchemaExpectations() {
	}

	private static ExpectedIndex index(String table, String name) {
		return new ExpectedIndex(table, name, null);
	}

	private static ExpectedIndex deviation(String table, String name, String recordedIn) {
		return new ExpectedIndex(table, name, recordedIn);
	}

	/**
	 * A named index; {@code deviation} says where the README records why it is not
	 * created (null: it must exist).
	 */
	public record ExpectedIndex(String table, String name, @Nullable String deviation) {

	}

	/**
	 * A seeded row: {@code query} returns one value, {@code expected} when it is there.
	 */
	public record ExpectedSeed(String object, String query, String expected, String description) {

	}

}

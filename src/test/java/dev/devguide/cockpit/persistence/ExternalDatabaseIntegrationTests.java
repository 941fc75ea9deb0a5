package dev.devguide.cockpit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devguide.cockpit.CockpitApplication;
import dev.devguide.cockpit.support.IntegrationTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * With {@code COCKPIT_DB_URL} the server uses that database: it refuses to start while
 * changesets are pending (naming them), and applies them at start-up only when told to
 * and only when they are approved and rollback-verified. The migration command line
 * previews, refuses an apply without approval, records approvals, verifies the rollback
 * on a scratch schema, refuses a changeset changed since its approval, dry-runs, applies,
 * reports and rolls back. The "external" database here is a second schema on the test's
 * embedded MariaDB.
 */
@IntegrationTest
class ExternalDatabaseIntegrationTests {

	private static final String INCOMPLETE_ROLLBACK = "test-migrations/incomplete-rollback/changelog.yaml";

	@Autowired
	DatabaseEndpoint embedded;

	@Autowired
	DatabaseClient db;

	@Test
	void refusesToStartWithPendingChangesetsAndAppliesOnlyApprovedAndVerifiedOnesWhenAllowed() {
		String schema = fresh("cockpit_external_a");
		assertThatThrownBy(() -> start(schema, false)).hasRootCauseInstanceOf(PendingMigrationsException.class)
			.rootCause()
			.satisfies(cause -> assertThat(((PendingMigrationsException) cause).pending())
				.anyMatch(id -> id.contains("001-core.sql")));
		assertThatThrownBy(() -> start(schema, true)).as("apply-on-start honours the approval rule")
			.hasRootCauseInstanceOf(PendingMigrationsException.class)
			.rootCause()
			.satisfies(cause -> assertThat(((PendingMigrationsException) cause).refusals()).anyMatch(
					refusal -> refusal.startsWith("migrations/001-core.sql::core-projects::cockpit: not approved")));
		assertThat(tables(schema)).isEmpty();

		Map<String, String> env = env(schema);
		cli(env, "approve", "--by", "architect", "--note", "reviewed the preview");
		assertThatThrownBy(() -> start(schema, true)).as("approved but not rollback-verified")
			.hasRootCauseInstanceOf(PendingMigrationsException.class);
		assertThat(tables(schema)).as("only the ledger")
			.containsExactlyInAnyOrderElementsOf(SchemaExpectations.LEDGER_TABLES);
		// The verification itself runs in the command-line test; here its record is
		// enough.
		SchemaLedger ledger = new SchemaLedger(endpoint(schema));
		ledger.recordRollbackCheck(new Migrations(endpoint(schema)).pendingChangeSets(), "test");

		try (ConfigurableApplicationContext context = start(schema, true)) {
			assertThat(context.isRunning()).isTrue();
		}
		assertThat(tables(schema)).contains("projects", "dashboard_versions", "v7_migration_workflow",
				"schema_approvals");
		try (ConfigurableApplicationContext context = start(schema, false)) {
			assertThat(context.isRunning()).as("starts without applying once nothing is pending").isTrue();
		}
	}

	@Test
	void commandLineAppliesOnlyWhatIsApprovedAndRollbackVerifiedAsItIsNow() {
		String schema = fresh("cockpit_external_b");
		Map<String, String> env = env(schema);

		assertThat(cli(env, "preview")).contains("CREATE TABLE projects");
		assertThat(tables(schema)).as("preview changes nothing").isEmpty();

		assertThat(cliRefused(env, "apply")).contains("Nothing applied")
			.contains("migrations/001-core.sql::core-projects::cockpit: not approved (migrate approve); rollback not"
					+ " verified (migrate verify-rollback)");
		assertThat(tables(schema)).as("a refused apply applies nothing").isEmpty();

		assertThat(cliRefused(env, "approve", "--by", "architect")).contains("--note needs a value");
		assertThat(cli(env, "approve", "--by", "architect", "--note", "reviewed the preview"))
			.contains("approved: migrations/001-core.sql::core-projects::cockpit 9:")
			.contains("Recorded architect's approval of");
		assertThat(cliRefused(env, "apply")).contains("core-projects::cockpit: rollback not verified")
			.doesNotContain("not approved (migrate approve)");
		assertThat(tables(schema)).containsExactlyInAnyOrder("schema_approvals", "schema_rollback_checks");

		assertThat(cli(env, "verify-rollback", "--by", "sentinel")).contains("Rollback verified")
			.contains("verified: migrations/480-migration-programme.sql::programme-seed-phases::cockpit");
		assertThat(scratchSchemas(schema)).as("the scratch schema is dropped").isEmpty();

		String dryRun = cli(env, "apply", "--dry-run");
		assertThat(dryRun).contains("would apply: migrations/001-core.sql::core-projects::cockpit")
			.contains("CREATE TABLE projects");
		assertThat(tables(schema)).as("a dry run changes nothing")
			.containsExactlyInAnyOrder("schema_approvals", "schema_rollback_checks");
		assertThat(cli(env, "status")).contains(" 0 changesets applied");

		db.sql("UPDATE " + schema + ".schema_approvals SET checksum = '9:00000000000000000000000000000000'"
				+ " WHERE changeset_id = 'core-profiles'")
			.then()
			.block();
		assertThat(cliRefused(env, "apply"))
			.contains("core-profiles::cockpit: changed since approved (checksum "
					+ "9:00000000000000000000000000000000, now 9:")
			.doesNotContain("core-projects::cockpit:");
		assertThat(cliRefused(env, "apply", "--dry-run")).contains("core-profiles::cockpit: changed since approved");
		assertThat(tables(schema)).as("nothing applied while one changeset is refused")
			.containsExactlyInAnyOrder("schema_approvals", "schema_rollback_checks");

		cli(env, "approve", "--by", "architect", "--note", "re-approved as it is");
		assertThat(cli(env, "apply")).contains("Applied");
		assertThat(cli(env, "status")).contains(" 0 pending").doesNotContain("refused");
		assertThat(strings("SELECT MD5SUM FROM " + schema + ".DATABASECHANGELOG WHERE ID = 'core-profiles'"))
			.as("what was approved is what Liquibase recorded")
			.isSubsetOf(strings(
					"SELECT checksum FROM " + schema + ".schema_approvals WHERE changeset_id = 'core-profiles'"));

		assertThat(cli(env, "rollback-preview", "--count", "1")).isNotBlank();
		assertThat(cli(env, "rollback", "--count", "1")).contains("Rolled back.");
		assertThat(cli(env, "status")).contains(" 1 pending");
		assertThat(cli(env, "apply")).as("unchanged since its approval and verification").contains("Applied 1");
		assertThat(cli(env, "status")).contains(" 0 pending");
	}

	@Test
	void verifyRollbackFailsOnAChangesetWhoseRollbackLeavesSomethingBehind() {
		String schema = fresh("cockpit_external_c");
		Map<String, String> env = env(schema);

		String report = run(env, 1, INCOMPLETE_ROLLBACK, "verify-rollback");

		assertThat(report).contains("Rollback verification FAILED")
			.contains("table probe_left: absent -> BASE TABLE")
			.doesNotContain("probe_kept");
		assertThat(scratchSchemas(schema)).as("the scratch schema is dropped").isEmpty();
		assertThat(tables(schema)).as("the target is untouched").isEmpty();
		assertThat(new SchemaLedger(endpoint(schema)).rollbackChecks()).as("a failed check is not recorded").isEmpty();
		run(env, 0, INCOMPLETE_ROLLBACK, "approve", "--by", "architect", "--note", "n");
		assertThat(run(env, 1, INCOMPLETE_ROLLBACK, "apply"))
			.contains("probe-tables::test: rollback not verified (migrate verify-rollback)");
		assertThat(tables(schema)).doesNotContain("probe_kept", "probe_left");
	}

	private String cli(Map<String, String> env, String... args) {
		return run(env, 0, Migrations.CHANGELOG, args);
	}

	private String cliRefused(Map<String, String> env, String... args) {
		return run(env, 1, Migrations.CHANGELOG, args);
	}

	private static String run(Map<String, String> env, int exitCode, String changelog, String... args) {
		StringWriter out = new StringWriter();
		int code = MigrationCli.run(List.of(args), env, new PrintWriter(out, true), changelog);
		assertThat(code).as("exit code of migrate %s: %s", String.join(" ", args), out).isEqualTo(exitCode);
		return out.toString();
	}

	private Map<String, String> env(String schema) {
		return Map.of("COCKPIT_DB_URL", url(schema), "COCKPIT_DB_USER", embedded.user(), "COCKPIT_DB_PASSWORD",
				embedded.password());
	}

	private ConfigurableApplicationContext start(String schema, boolean applyOnStart) {
		return new SpringApplication(CockpitApplication.class).run("--server.port=0", "--cockpit.db.url=" + url(schema),
				"--cockpit.db.user=" + embedded.user(), "--cockpit.db.password=" + embedded.password(),
				"--cockpit.migrations.apply-on-start=" + applyOnStart,
				"--cockpit.jwt.secret=another-test-secret-of-at-least-32-bytes!!");
	}

	private String url(String schema) {
		return "r2dbc:mysql://" + embedded.host() + ":" + embedded.port() + "/" + schema + "?sslMode=DISABLED";
	}

	private DatabaseEndpoint endpoint(String schema) {
		return new DatabaseEndpoint(embedded.host(), embedded.port(), schema, embedded.user(), embedded.password());
	}

	private String fresh(String schema) {
		db.sql("DROP DATABASE IF EXISTS " + schema).then().block();
		db.sql("CREATE DATABASE " + schema).then().block();
		return schema;
	}

	private List<String> tables(String schema) {
		return strings("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + schema
				+ "' AND TABLE_NAME NOT LIKE 'DATABASECHANGELOG%'");
	}

	private List<String> scratchSchemas(String schema) {
		return strings("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '" + schema
				+ "!_rbcheck!_%' ESCAPE '!'");
	}

	private List<String> strings(String sql) {
		return db.sql(sql).map(row -> row.get(0, String.class)).all().collectList().block();
	}

}

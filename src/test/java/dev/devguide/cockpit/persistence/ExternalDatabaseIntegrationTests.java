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
 * changesets are pending (naming them), applies them when told to, and the migration
 * command line previews, reports, rolls back and re-applies. The "external" database here
 * is a second schema on the test's embedded MariaDB.
 */
@IntegrationTest
class ExternalDatabaseIntegrationTests {

	@Autowired
	DatabaseEndpoint embedded;

	@Autowired
	DatabaseClient db;

	@Test
	void refusesToStartWithPendingChangesetsThenAppliesThemWhenAllowed() {
		String schema = fresh("cockpit_external_a");
		assertThatThrownBy(() -> start(schema, false)).hasRootCauseInstanceOf(PendingMigrationsException.class)
			.rootCause()
			.satisfies(cause -> assertThat(((PendingMigrationsException) cause).pending())
				.anyMatch(id -> id.contains("001-core.sql")));
		assertThat(tables(schema)).isEmpty();

		try (ConfigurableApplicationContext context = start(schema, true)) {
			assertThat(context.isRunning()).isTrue();
		}
		assertThat(tables(schema)).contains("projects", "dashboard_versions", "v7_migration_workflow");
		try (ConfigurableApplicationContext context = start(schema, false)) {
			assertThat(context.isRunning()).as("starts without applying once nothing is pending").isTrue();
		}
	}

	@Test
	void commandLinePreviewsAppliesReportsAndRollsBack() {
		String schema = fresh("cockpit_external_b");
		Map<String, String> env = Map.of("COCKPIT_DB_URL", url(schema), "COCKPIT_DB_USER", embedded.user(),
				"COCKPIT_DB_PASSWORD", embedded.password());

		String preview = cli(env, "preview");
		assertThat(preview).contains("CREATE TABLE projects");
		assertThat(tables(schema)).as("preview changes nothing").isEmpty();

		assertThat(cli(env, "apply")).contains("Applied.");
		assertThat(cli(env, "status")).contains(" 0 pending");

		assertThat(cli(env, "rollback-preview", "--count", "1")).isNotBlank();
		assertThat(cli(env, "rollback", "--count", "1")).contains("Rolled back.");
		assertThat(cli(env, "status")).contains(" 1 pending");
		assertThat(cli(env, "apply")).contains("Applied.");
		assertThat(cli(env, "status")).contains(" 0 pending");
	}

	private String cli(Map<String, String> env, String... args) {
		StringWriter out = new StringWriter();
		int code = MigrationCli.run(List.of(args), env, new PrintWriter(out, true));
		assertThat(code).as("exit code of migrate %s: %s", String.join(" ", args), out).isZero();
		return out.toString();
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

	private String fresh(String schema) {
		db.sql("DROP DATABASE IF EXISTS " + schema).then().block();
		db.sql("CREATE DATABASE " + schema).then().block();
		return schema;
	}

	private List<String> tables(String schema) {
		return db
			.sql("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = :schema "
					+ "AND TABLE_NAME NOT LIKE 'DATABASECHANGELOG%'")
			.bind("schema", schema)
			.map(row -> row.get("TABLE_NAME", String.class))
			.all()
			.collectList()
			.block();
	}

}

package dev.devguide.cockpit.schemachange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.devguide.cockpit.persistence.DatabaseEndpoint;
import dev.devguide.cockpit.persistence.Migrations;
import dev.devguide.cockpit.persistence.SchemaLedger;
import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.SecondInstance;
import dev.devguide.cockpit.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * schemaStatus and schemaHealth through the real server: on the embedded database
 * (migrated at start, approval implicit, healthy), refused to users, and on a scratch
 * schema broken on purpose, served by a second server instance, where the report names
 * every drift.
 */
@IntegrationTest
class SchemaChangeIntegrationTests {

	private static final String STATUS = """
			{ schemaStatus { approvalRequired pendingSql refusals
			    applied { id author file tag appliedAt checksum order }
			    pending { id author file checksum sql }
			    tags { tag id }
			    approvals { id approvedBy note checksum approvedAt }
			    rollbackChecks { id verifiedBy checksum verifiedAt } } }""";

	private static final String HEALTH = "{ schemaHealth { healthy checkedAt drifts { check object expected found } } }";

	private static final String SCRATCH = "schema_health_scratch";

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestUsers users;

	@Autowired
	DatabaseEndpoint database;

	@Autowired
	DatabaseClient db;

	@Value("${cockpit.jwt.secret}")
	String secret;

	@Test
	void adminsSeeTheEmbeddedDatabaseMigratedWithoutApprovalAndHealthy() {
		HttpGraphQlTester admin = users.admin("schema-admin");

		Map<String, Object> status = admin.document(STATUS).execute().path("schemaStatus").entity(MAP).get();
		assertThat(status).containsEntry("approvalRequired", false)
			.containsEntry("pending", List.of())
			.containsEntry("pendingSql", "")
			.containsEntry("refusals", List.of());
		assertThat(list(status, "applied")).first()
			.satisfies(first -> assertThat(first).containsEntry("id", "core-projects")
				.containsEntry("author", "cockpit")
				.containsEntry("file", "migrations/001-core.sql")
				.containsEntry("order", 1)
				.containsKey("appliedAt")
				.hasEntrySatisfying("checksum", checksum -> assertThat((String) checksum).startsWith("9:")));
		assertThat(list(status, "tags")).extracting(tag -> tag.get("tag"))
			.startsWith("core-1.1.0", "configuration-1.1.0")
			.contains("schema-1.1.0", "migration-programme-1.0.0");

		Map<String, Object> health = admin.document(HEALTH).execute().path("schemaHealth").entity(MAP).get();
		assertThat(health).containsEntry("healthy", true).containsEntry("drifts", List.of());
	}

	@Test
	void usersAreRefused() {
		HttpGraphQlTester user = users.user("schema-user");
		Errors.expect(user.document(STATUS).execute(), "FORBIDDEN", null, "Only admins");
		Errors.expect(user.document(HEALTH).execute(), "FORBIDDEN", null, "Only admins");
	}

	@Test
	void theHealthReportNamesEveryDriftOfASchemaBrokenOnPurpose() {
		sql("DROP DATABASE IF EXISTS " + SCRATCH);
		sql("CREATE DATABASE " + SCRATCH);
		DatabaseEndpoint scratch = new DatabaseEndpoint(database.host(), database.port(), SCRATCH, database.user(),
				database.password());
		Migrations migrations = new Migrations(scratch);
		try {
			migrations.apply();
			new SchemaLedger(scratch).ensure();
			sql("ALTER TABLE " + SCRATCH + ".projects DROP INDEX idx_owner");
			sql("ALTER TABLE " + SCRATCH + ".projects MODIFY created_at TIMESTAMP NULL DEFAULT NULL");
			sql("ALTER TABLE " + SCRATCH + ".profiles MODIFY updated_at DATETIME(6) NULL");
			sql("DELETE FROM " + SCRATCH + ".v7_migration_workflow WHERE phase_number = 7");
			try (SecondInstance second = SecondInstance.start(scratch, secret)) {
				HttpGraphQlTester admin = admin(second.port());

				Map<String, Object> health = admin.document(HEALTH).execute().path("schemaHealth").entity(MAP).get();
				assertThat(health).containsEntry("healthy", false);
				assertThat(list(health, "drifts"))
					.extracting(drift -> tuple(drift.get("check"), drift.get("object"), drift.get("expected"),
							drift.get("found")))
					.containsExactlyInAnyOrder(tuple("INDEX", "projects.idx_owner", "present", "missing"),
							tuple("TIMESTAMP_PRECISION", "projects.created_at", "timestamp(6)", "timestamp"),
							tuple("TIMESTAMP_PRECISION", "profiles.updated_at", "timestamp(6)", "datetime(6)"),
							tuple("SEED", "v7_migration_workflow phases 1..7",
									"7: the seven phases of the programme (480-migration-programme.sql)", "6"));

				// Back to the tag before the programme's changesets: they (and whatever
				// came later) are pending.
				migrations.rollbackToTag("audit-project-action-1.0.0");

				Map<String, Object> status = admin.document(STATUS).execute().path("schemaStatus").entity(MAP).get();
				assertThat(status).containsEntry("approvalRequired", true);
				List<Map<String, Object>> pending = list(status, "pending");
				assertThat(pending).extracting(changeSet -> changeSet.get("id"))
					.startsWith("tag-audit-project-action-1.0.0", "programme-phase-workflow-columns",
							"programme-seed-phases", "programme-approved-by-width", "tag-migration-programme-1.0.0",
							"impacts-global-impacts-phase");
				assertThat((String) pending.get(2).get("sql")).as("%s", status.get("pendingSql"))
					.startsWith("--  Changeset migrations/480-migration-programme.sql::programme-seed-phases::cockpit")
					.contains("INSERT INTO v7_migration_workflow")
					.contains("INSERT INTO schema_health_scratch.DATABASECHANGELOG")
					.doesNotContain("ADD COLUMN blocked_from", "tag-migration-programme-1.0.0",
							"Release Database Lock");
				assertThat((String) status.get("pendingSql")).contains("ADD COLUMN blocked_from")
					.contains("INSERT INTO v7_migration_workflow")
					.contains("tag-migration-programme-1.0.0");
				assertThat(status.get("refusals")).asList()
					.hasSameSizeAs(pending)
					.contains("migrations/480-migration-programme.sql::programme-seed-phases::cockpit: not approved"
							+ " (migrate approve); rollback not verified (migrate verify-rollback)");
				assertThat(list(admin.document(HEALTH).execute().path("schemaHealth").entity(MAP).get(), "drifts"))
					.extracting(drift -> tuple(drift.get("check"), drift.get("object"), drift.get("found")))
					.contains(tuple("PENDING_CHANGESET",
							"migrations/480-migration-programme.sql::programme-seed-phases::cockpit", "pending"),
							tuple("SEED", "v7_migration_workflow phases 1..7", "0"));
			}
		}
		finally {
			sql("DROP DATABASE IF EXISTS " + SCRATCH);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
		return (List<Map<String, Object>>) map.get(key);
	}

	private HttpGraphQlTester admin(int port) {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port + "/graphql")
			.responseTimeout(Duration.ofSeconds(60))
			.defaultHeader("Authorization", "Bearer " + users.token("schema-admin", List.of("user", "admin")))
			.build();
		return HttpGraphQlTester.create(client);
	}

	private void sql(String statement) {
		db.sql(statement).then().block();
	}

}

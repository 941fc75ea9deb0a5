package dev.devguide.cockpit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule of an apply on an external database, without a database: approved and
 * rollback-verified at the current checksum, or refused naming why; and the preview cut
 * into each changeset's SQL.
 */
class SchemaChangeGateTests {

	private static final ChangeSetRef CORE = new ChangeSetRef("migrations/001-core.sql", "core-projects", "cockpit");

	private static final ChangeSetRef TAG = new ChangeSetRef("migrations/changelog.yaml", "tag-core-1.1.0", "cockpit");

	private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

	@Test
	void aChangesetApprovedAndVerifiedAtItsChecksumMayBeApplied() {
		List<PendingChangeSet> pending = List.of(new PendingChangeSet(CORE, "9:aaaa"));
		assertThat(
				SchemaChangeGate.refusals(pending, List.of(approval(CORE, "9:aaaa")), List.of(check(CORE, "9:aaaa"))))
			.isEmpty();
	}

	@Test
	void refusesEveryChangesetNotApprovedOrNotVerifiedAndNamesIt() {
		List<PendingChangeSet> pending = List.of(new PendingChangeSet(CORE, "9:aaaa"),
				new PendingChangeSet(TAG, "9:bbbb"));
		assertThat(SchemaChangeGate.refusals(pending, List.of(approval(CORE, "9:aaaa")), List.of())).containsExactly(
				"migrations/001-core.sql::core-projects::cockpit: rollback not verified (migrate verify-rollback)",
				"migrations/changelog.yaml::tag-core-1.1.0::cockpit: not approved (migrate approve); rollback not verified"
						+ " (migrate verify-rollback)");
	}

	@Test
	void refusesAChangesetChangedSinceItWasApprovedOrVerified() {
		List<PendingChangeSet> pending = List.of(new PendingChangeSet(CORE, "9:cccc"));
		assertThat(SchemaChangeGate.refusals(pending, List.of(approval(CORE, "9:aaaa"), approval(TAG, "9:cccc")),
				List.of(check(CORE, "9:aaaa"))))
			.containsExactly("migrations/001-core.sql::core-projects::cockpit: changed since approved (checksum 9:aaaa,"
					+ " now 9:cccc); changed since its rollback was verified (checksum 9:aaaa, now 9:cccc)");
	}

	@Test
	void cutsThePreviewIntoEachChangesetsSql() {
		String preview = """
				--  Lock Database
				UPDATE DATABASECHANGELOGLOCK SET `LOCKED` = 1 WHERE ID = 1;

				--  Changeset migrations/001-core.sql::core-projects::cockpit
				CREATE TABLE projects (id VARCHAR(36));

				INSERT INTO DATABASECHANGELOG (ID) VALUES ('core-projects');

				--  Changeset migrations/changelog.yaml::tag-core-1.1.0::cockpit
				INSERT INTO DATABASECHANGELOG (ID, TAG) VALUES ('tag-core-1.1.0', 'core-1.1.0');

				--  Release Database Lock
				UPDATE DATABASECHANGELOGLOCK SET `LOCKED` = 0 WHERE ID = 1;
				""";
		assertThat(SchemaChanges.perChangeSet(preview)).containsOnlyKeys(CORE.toString(), TAG.toString())
			.containsEntry(TAG.toString(),
					"--  Changeset migrations/changelog.yaml::tag-core-1.1.0::cockpit\n"
							+ "INSERT INTO DATABASECHANGELOG (ID, TAG) VALUES ('tag-core-1.1.0', 'core-1.1.0');")
			.hasEntrySatisfying(CORE.toString(),
					sql -> assertThat(sql).startsWith("--  Changeset")
						.contains("CREATE TABLE projects")
						.endsWith("VALUES ('core-projects');"));
	}

	private static SchemaApproval approval(ChangeSetRef ref, String checksum) {
		return new SchemaApproval(ref, checksum, "architect", "ok", NOW);
	}

	private static RollbackCheck check(ChangeSetRef ref, String checksum) {
		return new RollbackCheck(ref, checksum, "sentinel", NOW);
	}

}

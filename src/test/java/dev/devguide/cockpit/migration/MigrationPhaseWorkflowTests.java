package dev.devguide.cockpit.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The phases' moves: which are allowed from where, and what each writes. */
class MigrationPhaseWorkflowTests {

	private static final Instant EARLIER = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");

	private static MigrationPhase phase(String status, String blockedFrom) {
		return new MigrationPhase("id", 4, "Database Phase", status, "The Architect", EARLIER, null, null, null, null,
				List.of(), List.of(), blockedFrom, "asker", null, null);
	}

	@Test
	void eachStatusHasItsMovesAndBlockedOnlyReturns() {
		assertThat(MigrationPhaseWorkflow.moves(phase("not_started", null))).containsExactly("in_progress");
		assertThat(MigrationPhaseWorkflow.moves(phase("in_progress", null))).containsExactly("review", "blocked");
		assertThat(MigrationPhaseWorkflow.moves(phase("review", null))).containsExactly("blocked");
		assertThat(MigrationPhaseWorkflow.moves(phase("approved", null))).containsExactly("completed", "rolled_back");
		assertThat(MigrationPhaseWorkflow.moves(phase("completed", null))).containsExactly("rolled_back");
		assertThat(MigrationPhaseWorkflow.moves(phase("rolled_back", null))).containsExactly("in_progress");
		assertThat(MigrationPhaseWorkflow.moves(phase("blocked", "review"))).containsExactly("review");
		assertThat(MigrationPhaseWorkflow.refusal(phase("review", null), "approved")).contains("approvePhase");
		assertThat(MigrationPhaseWorkflow.refusal(phase("completed", null), "in_progress"))
			.isEqualTo("phase 4 is completed, so it cannot move to in_progress; it can move to rolled_back");
		assertThat(MigrationPhaseWorkflow.refusal(phase("approved", null), "completed")).isNull();
	}

	@Test
	void movesKeepTheFirstStartAndRollingBackClearsTheCompletion() {
		MigrationPhase completed = MigrationPhaseWorkflow.moved(phase("approved", null), "completed", "u", NOW);
		assertThat(completed.completedAt()).isEqualTo(NOW);
		assertThat(completed.startedAt()).isEqualTo(EARLIER);
		MigrationPhase rolledBack = MigrationPhaseWorkflow.moved(completed, "rolled_back", "u", NOW);
		assertThat(rolledBack.completedAt()).isNull();
		assertThat(rolledBack.approvalStatus()).isEqualTo("revoked");
		MigrationPhase again = MigrationPhaseWorkflow.moved(rolledBack, "in_progress", "u", NOW);
		assertThat(again.startedAt()).isEqualTo(EARLIER);
		assertThat(again.reviewRequestedBy()).isNull();
		MigrationPhase blocked = MigrationPhaseWorkflow.moved(phase("review", null), "blocked", "u", NOW);
		assertThat(blocked.blockedFrom()).isEqualTo("review");
		MigrationPhase back = MigrationPhaseWorkflow.moved(blocked, "review", "other", NOW);
		assertThat(back.blockedFrom()).isNull();
		assertThat(back.reviewRequestedBy()).isEqualTo("asker");
	}

}

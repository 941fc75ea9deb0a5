package dev.devguide.cockpit.migration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The phases' workflow: which status a phase may move to from which, and what a move
 * writes. {@code not_started -> in_progress -> review -> approved -> completed};
 * {@code blocked} from in_progress or review and back to where it was
 * ({@code blocked_from}); {@code rolled_back} from approved or completed, and from there
 * in_progress again (the rework). review -> approved is {@code approvePhase}'s, never a
 * plain move.
 * <ul>
 * <li>{@code started_at} is set by the first move to in_progress and kept when the phase
 * re-enters it (after a rollback or a block): it says when the work began.</li>
 * <li>{@code completed_at} is set by the move to completed and cleared by a
 * rollback.</li>
 * <li>review records who asked ({@code review_requested_by}) and sets
 * {@code approval_status} pending; a rollback sets it revoked and keeps who approved what
 * was rolled back until the next approval.</li>
 * </ul>
 */
final class MigrationPhaseWorkflow {

	static final String NOT_STARTED = "not_started";

	static final String IN_PROGRESS = "in_progress";

	static final String REVIEW = "review";

	static final String APPROVED = "approved";

	static final String COMPLETED = "completed";

	static final String BLOCKED = "blocked";

	static final String ROLLED_BACK = "rolled_back";

	/** The plain moves from each status; blocked's is its blocked_from. */
	private static final Map<String, List<String>> MOVES = Map.of(NOT_STARTED, List.of(IN_PROGRESS), IN_PROGRESS,
			List.of(REVIEW, BLOCKED), REVIEW, List.of(BLOCKED), APPROVED, List.of(COMPLETED, ROLLED_BACK), COMPLETED,
			List.of(ROLLED_BACK), ROLLED_BACK, List.of(IN_PROGRESS));

	private MigrationPhaseWorkflow() {
	}

	/** The statuses {@code movePhase} may move the phase to now. */
	static List<String> moves(MigrationPhase phase) {
		if (phase.status().equals(BLOCKED)) {
			return phase.blockedFrom() == null ? List.of(IN_PROGRESS) : List.of(phase.blockedFrom());
		}
		return MOVES.getOrDefault(phase.status(), List.of());
	}

	/**
	 * Why {@code movePhase} may not move the phase to {@code target}, naming its current
	 * status; null when it may.
	 */
	static @Nullable String refusal(MigrationPhase phase, String target) {
		List<String> moves = moves(phase);
		if (moves.contains(target)) {
			return null;
		}
		String current = "phase " + phase.phaseNumber() + " is " + phase.status();
		String allowed = moves.isEmpty() ? "it cannot move" : "it can move to " + String.join(" or ", moves);
		String approval = phase.status().equals(REVIEW) && target.equals(APPROVED)
				? " (an admin other than the one who asked for the review approves it with approvePhase)" : "";
		return current + ", so it cannot move to " + target + "; " + allowed + approval;
	}

	/** The phase after the move to {@code target} by {@code userId} at {@code now}. */
	static MigrationPhase moved(MigrationPhase phase, String target, String userId, Instant now) {
		Instant started = phase.startedAt();
		Instant completed = phase.completedAt();
		String approval = phase.approvalStatus();
		String blockedFrom = null;
		String reviewRequestedBy = phase.reviewRequestedBy();
		switch (target) {
			case IN_PROGRESS -> {
				started = started == null ? now : started;
				if (!phase.status().equals(BLOCKED)) {
					reviewRequestedBy = null;
				}
			}
			case REVIEW -> {
				if (!phase.status().equals(BLOCKED)) {
					reviewRequestedBy = userId;
					approval = "pending";
				}
			}
			case BLOCKED -> blockedFrom = phase.status();
			case COMPLETED -> completed = now;
			case ROLLED_BACK -> {
				completed = null;
				approval = "revoked";
			}
			default -> {
			}
		}
		return new MigrationPhase(phase.id(), phase.phaseNumber(), phase.phaseName(), target, phase.leadPersona(),
				started, completed, approval, phase.approvedBy(), phase.approvalNotes(), phase.deliverables(),
				phase.blockers(), blockedFrom, reviewRequestedBy, phase.createdAt(), phase.updatedAt());
	}

	/** The phase approved by {@code userId} with {@code notes}. */
	static MigrationPhase approved(MigrationPhase phase, String userId, String notes) {
		return new MigrationPhase(phase.id(), phase.phaseNumber(), phase.phaseName(), APPROVED, phase.leadPersona(),
				phase.startedAt(), phase.completedAt(), APPROVED, userId, notes, phase.deliverables(), phase.blockers(),
				null, phase.reviewRequestedBy(), phase.createdAt(), phase.updatedAt());
	}

}

package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.migration.MigrationPhaseInputs.BLOCKERS;
import static dev.devguide.cockpit.migration.MigrationPhaseInputs.DELIVERABLES;
import static dev.devguide.cockpit.migration.MigrationPhaseInputs.LEAD_PERSONA;
import static dev.devguide.cockpit.migration.MigrationPhaseInputs.NOTES;
import static dev.devguide.cockpit.migration.MigrationPhaseInputs.NUMBER;
import static dev.devguide.cockpit.migration.MigrationPhaseInputs.PHASE_NAME;
import static dev.devguide.cockpit.migration.MigrationPhaseInputs.STATUS;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Selection;
import dev.devguide.cockpit.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The programme's phases: read by admins and the migration role, moved through the
 * workflow ({@link MigrationPhaseWorkflow}) and edited by them, approved by admins only
 * and never by whoever asked for the review. A phase completes only when every one of its
 * tasks is completed. Every change locks the phase row first (a task written meanwhile
 * waits for it, see {@link MigrationTaskService}) and is audited in its transaction.
 */
@Service
public class MigrationPhaseService {

	static final String TYPE = "migration_phase";

	/** How many unfinished tasks a refused completion names. */
	private static final int NAMED_TASKS = 10;

	private final MigrationPhaseRepository phases;

	private final MigrationTaskRepository tasks;

	private final AuditedTransactions transactions;

	private final Clock clock = Clock.systemUTC();

	MigrationPhaseService(MigrationPhaseRepository phases, MigrationTaskRepository tasks,
			AuditedTransactions transactions) {
		this.phases = phases;
		this.tasks = tasks;
		this.transactions = transactions;
	}

	/** Every phase, by number (admins and the migration role). */
	public Mono<List<MigrationPhase>> all() {
		return MigrationAccess.reader().then(phases.all().collectList());
	}

	/** One phase by number; NOT_FOUND when there is none. */
	/**
	 * One phase, read through {@code load} (the request's phase loader), so that several
	 * {@code migrationPhase} fields of one request are one statement and complete
	 * together: their relations (impacts, test results, tasks) are then loaded in one
	 * batch each.
	 */
	public Mono<MigrationPhase> get(Input arguments, Function<Integer, CompletableFuture<MigrationPhase>> load) {
		return MigrationAccess.reader().then(Mono.defer(() -> {
			int number = arguments.required(NUMBER);
			return Mono.fromFuture(load.apply(number)).switchIfEmpty(Mono.error(() -> notFound(number)));
		}));
	}

	/**
	 * Moves the phase through the workflow; any other move is a BAD_REQUEST on status.
	 */
	public Mono<MigrationPhase> move(Input arguments) {
		return change("migration_phase.move", arguments, (caller, phase) -> {
			String target = arguments.required(STATUS);
			String refusal = MigrationPhaseWorkflow.refusal(phase, target);
			if (refusal != null) {
				return Mono.error(ApiException.badRequest(arguments.path(STATUS), refusal));
			}
			Mono<Void> ready = target.equals(MigrationPhaseWorkflow.COMPLETED) ? tasksCompleted(phase, arguments)
					: Mono.empty();
			return ready.then(phases.saveWorkflow(MigrationPhaseWorkflow.moved(phase, target, caller.userId(), now())));
		}, (facts, moved) -> facts.with("status", moved.status()));
	}

	/**
	 * Approves a phase in review: admins only, and not the one who moved it to review
	 * (the approval chain's two people).
	 */
	public Mono<MigrationPhase> approve(Input arguments) {
		return change("migration_phase.approve", arguments, (caller, phase) -> {
			if (!caller.admin()) {
				return Mono.error(ApiException.forbidden("Only admins (the Architect) may approve a migration phase"));
			}
			String notes = arguments.required(NOTES);
			if (!phase.status().equals(MigrationPhaseWorkflow.REVIEW)) {
				return Mono.error(ApiException.badRequest(arguments.path(NUMBER), "phase " + phase.phaseNumber()
						+ " is " + phase.status() + "; only a phase in review can be approved"));
			}
			if (caller.userId().equals(phase.reviewRequestedBy())) {
				return Mono.error(ApiException.forbidden("The approval needs a second person: you moved phase "
						+ phase.phaseNumber() + " to review, so another admin approves it"));
			}
			return phases.saveWorkflow(MigrationPhaseWorkflow.approved(phase, caller.userId(), notes));
		}, (facts, approved) -> facts.with("status", approved.status()));
	}

	/** Edits the name, lead persona, deliverables and blockers. */
	public Mono<MigrationPhase> update(Input arguments, Input input) {
		return change("migration_phase.update", arguments,
				(caller, phase) -> phases.saveDescription(new MigrationPhase(phase.id(), phase.phaseNumber(),
						input.update(PHASE_NAME, phase.phaseName()), phase.status(),
						input.update(LEAD_PERSONA, phase.leadPersona()), phase.startedAt(), phase.completedAt(),
						phase.approvalStatus(), phase.approvedBy(), phase.approvalNotes(),
						input.update(DELIVERABLES, phase.deliverables()), input.update(BLOCKERS, phase.blockers()),
						phase.blockedFrom(), phase.reviewRequestedBy(), phase.createdAt(), phase.updatedAt())),
				(facts, updated) -> facts.with("fields", input.fieldNames()));
	}

	/**
	 * Runs {@code work} on the locked phase of the {@code number} argument, for a caller
	 * of the programme, audited as {@code action}; returns the phase as it then is.
	 */
	private Mono<MigrationPhase> change(String action, Input arguments,
			BiFunction<Caller, MigrationPhase, Mono<Void>> work,
			BiFunction<AuditFacts, MigrationPhase, AuditFacts> success) {
		AuditFacts facts = AuditFacts.of(action, TYPE, null).with("phaseNumber", numberForAudit(arguments));
		return transactions.run(facts, caller -> Mono.defer(() -> {
			MigrationAccess.requirePersona(caller);
			int number = arguments.required(NUMBER);
			return phases.lock(number)
				.switchIfEmpty(Mono.error(() -> notFound(number)))
				.flatMap(phase -> work.apply(caller, phase).then(phases.reread(number)));
		}), (done, phase) -> success.apply(done.about(phase.id()), phase));
	}

	/**
	 * Nothing when every task of the phase is completed; else a BAD_REQUEST on status
	 * saying how many are not and naming them. Under the phase's lock no task can be
	 * added or moved meanwhile.
	 */
	private Mono<Void> tasksCompleted(MigrationPhase phase, Input arguments) {
		return tasks.findByPhases(List.of(phase.phaseNumber()), Selection.ALL).collectList().flatMap(all -> {
			List<MigrationTask> open = all.stream()
				.filter(task -> !task.status().equals(MigrationTask.COMPLETED))
				.toList();
			if (open.isEmpty()) {
				return Mono.empty();
			}
			List<String> named = open.stream()
				.limit(NAMED_TASKS)
				.map(task -> task.label() + " is " + task.status())
				.toList();
			return Mono.error(ApiException.badRequest(arguments.path(STATUS),
					"phase " + phase.phaseNumber() + " cannot complete: " + open.size() + " of its " + all.size()
							+ " tasks are not completed: " + String.join(", ", named)
							+ (open.size() > NAMED_TASKS ? ", ..." : "")));
		});
	}

	/**
	 * The number for the audit row's facts, read before the work (which reads it again
	 * and refuses a bad one, audited then without it).
	 */
	private static @Nullable Integer numberForAudit(Input arguments) {
		try {
			return arguments.optional(NUMBER);
		}
		catch (ApiException bad) {
			return null;
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static ApiException notFound(int number) {
		return ApiException.notFound("Migration phase", String.valueOf(number));
	}

}

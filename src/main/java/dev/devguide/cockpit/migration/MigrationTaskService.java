package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.migration.MigrationTaskInputs.BLOCKERS;
import static dev.devguide.cockpit.migration.MigrationTaskInputs.DART_TASK_ID;
import static dev.devguide.cockpit.migration.MigrationTaskInputs.DART_TASK_URL;
import static dev.devguide.cockpit.migration.MigrationTaskInputs.DELIVERABLE_URLS;
import static dev.devguide.cockpit.migration.MigrationTaskInputs.DEPENDENCIES;
import static dev.devguide.cockpit.migration.MigrationTaskInputs.ID;
import static dev.devguide.cockpit.migration.MigrationTaskInputs.NOTES;
import static dev.devguide.cockpit.migration.MigrationTaskInputs.PHASE;
import static dev.devguide.cockpit.migration.MigrationTaskInputs.RESPONSIBLE_PERSONA;
import static dev.devguide.cockpit.migration.MigrationTaskInputs.STATUS;
import static dev.devguide.cockpit.migration.MigrationTaskInputs.TASK_NAME;
import static dev.devguide.cockpit.migration.MigrationTaskInputs.TASK_NUMBER;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Selection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The phases' tasks and their dependency graph: read and written by admins and the
 * migration role. A task's dependencies are task ids (of any phase) that exist, are not
 * given twice and make no cycle; a task starts (in_progress) or completes only when all
 * of them are completed, and a task that is in progress or completed only gains completed
 * dependencies. Task numbers are unique within a phase; no task is added to a completed
 * phase.
 * <p>
 * Every write locks every phase row, in phase order, before it reads anything: two writes
 * that could together make a cycle (each adding one edge of it, perhaps in different
 * phases) run one after the other, and the second reads the graph the first committed
 * (READ COMMITTED: each statement reads the newest committed rows, so the graph read
 * after the lock includes it). A phase's completion holds the lock of its own row while
 * it checks the tasks, so a task cannot be added to it or reopened meanwhile. One order
 * (phase number), so these locks cannot deadlock.
 */
@Service
public class MigrationTaskService {

	static final String TYPE = "migration_task";

	/** The moves of a task: from each status, the statuses it may move to. */
	private static final Map<String, List<String>> MOVES = Map.of(MigrationTask.PENDING,
			List.of(MigrationTask.IN_PROGRESS, MigrationTask.BLOCKED), MigrationTask.IN_PROGRESS,
			List.of(MigrationTask.COMPLETED, MigrationTask.BLOCKED, MigrationTask.PENDING), MigrationTask.BLOCKED,
			List.of(MigrationTask.PENDING, MigrationTask.IN_PROGRESS), MigrationTask.COMPLETED, List.of());

	private final MigrationPhaseRepository phases;

	private final MigrationTaskRepository tasks;

	private final AuditedTransactions transactions;

	private final Clock clock = Clock.systemUTC();

	MigrationTaskService(MigrationPhaseRepository phases, MigrationTaskRepository tasks,
			AuditedTransactions transactions) {
		this.phases = phases;
		this.tasks = tasks;
		this.transactions = transactions;
	}

	/** One task by id; NOT_FOUND when there is none. */
	public Mono<MigrationTask> get(Input arguments) {
		return MigrationAccess.reader().then(Mono.defer(() -> {
			String id = arguments.required(ID);
			return tasks.findByIds(List.of(id), Selection.ALL).next().switchIfEmpty(Mono.error(() -> notFound(id)));
		}));
	}

	/** Adds a pending task to a phase that is not completed. */
	public Mono<MigrationTask> create(Input arguments, Input input) {
		String id = UUID.randomUUID().toString();
		return write("migration_task.create", id, graph -> {
			int number = arguments.required(PHASE);
			MigrationPhase phase = graph.phases()
				.stream()
				.filter(one -> one.phaseNumber() == number)
				.findFirst()
				.orElseThrow(() -> MigrationPhaseService.notFound(number));
			if (phase.status().equals(MigrationPhaseWorkflow.COMPLETED)) {
				throw ApiException.badRequest(arguments.path(PHASE),
						"phase " + number + " is completed; roll it back before adding tasks to it");
			}
			int taskNumber = input.required(TASK_NUMBER);
			checkNumberFree(graph.graph(), input, number, taskNumber, id);
			List<String> dependencies = input.orElse(DEPENDENCIES, List.of());
			MigrationTask task = new MigrationTask(id, number, taskNumber, input.required(TASK_NAME),
					input.required(RESPONSIBLE_PERSONA), MigrationTask.PENDING, input.optional(DART_TASK_ID),
					input.optional(DART_TASK_URL), null, null, input.orElse(BLOCKERS, List.of()), dependencies,
					input.orElse(DELIVERABLE_URLS, List.of()), input.optional(NOTES), null);
			checkDependencies(graph.graph(), task, input);
			return tasks.insert(task)
				.onErrorMap(DataIntegrityViolationException.class, ex -> taken(input, task))
				.thenReturn(id);
		});
	}

	/** Changes the fields of a task; its phase and status stay. */
	public Mono<MigrationTask> update(Input arguments, Input input) {
		return write("migration_task.update", arguments.required(ID), graph -> {
			MigrationTask current = locate(graph.graph(), arguments);
			int taskNumber = input.update(TASK_NUMBER, current.taskNumber());
			Integer phase = current.parentPhase();
			if (phase != null && taskNumber != current.taskNumber()) {
				checkNumberFree(graph.graph(), input, phase, taskNumber, current.id());
			}
			MigrationTask task = new MigrationTask(current.id(), current.parentPhase(), taskNumber,
					input.update(TASK_NAME, current.taskName()),
					input.update(RESPONSIBLE_PERSONA, current.responsiblePersona()), current.status(),
					input.updateOrClear(DART_TASK_ID, current.dartTaskId()),
					input.updateOrClear(DART_TASK_URL, current.dartTaskUrl()), current.startedAt(),
					current.completedAt(), input.update(BLOCKERS, current.blockers()),
					input.update(DEPENDENCIES, current.dependencies()),
					input.update(DELIVERABLE_URLS, current.deliverableUrls()),
					input.updateOrClear(NOTES, current.notes()), current.createdAt());
			if (input.has(DEPENDENCIES)) {
				checkDependencies(graph.graph(), task, input);
			}
			return tasks.save(task)
				.onErrorMap(DataIntegrityViolationException.class, ex -> taken(input, task))
				.thenReturn(task.id());
		}, (facts, task) -> facts.with("fields", input.fieldNames()));
	}

	/**
	 * Moves a task; to in_progress or completed only when all its dependencies are
	 * completed.
	 */
	public Mono<MigrationTask> move(Input arguments) {
		return write("migration_task.move", arguments.required(ID), graph -> {
			MigrationTask current = locate(graph.graph(), arguments);
			String target = arguments.required(STATUS);
			List<String> moves = MOVES.getOrDefault(current.status(), List.of());
			if (!moves.contains(target)) {
				throw ApiException.badRequest(arguments.path(STATUS), current.label() + " is " + current.status()
						+ ", so it cannot move to " + target + "; "
						+ (moves.isEmpty() ? "it cannot move" : "it can move to " + String.join(" or ", moves)));
			}
			if (target.equals(MigrationTask.IN_PROGRESS) || target.equals(MigrationTask.COMPLETED)) {
				List<String> open = current.dependencies()
					.stream()
					.map(graph.graph()::task)
					.filter(Objects::nonNull)
					.filter(dependency -> !dependency.status().equals(MigrationTask.COMPLETED))
					.map(dependency -> dependency.label() + " is " + dependency.status())
					.toList();
				if (!open.isEmpty()) {
					throw ApiException.badRequest(arguments.path(STATUS), current.label() + " cannot move to " + target
							+ " before its dependencies are completed: " + String.join(", ", open));
				}
			}
			Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
			Instant started = target.equals(MigrationTask.IN_PROGRESS) && current.startedAt() == null ? now
					: current.startedAt();
			Instant completed = target.equals(MigrationTask.COMPLETED) ? now : current.completedAt();
			return tasks
				.save(new MigrationTask(current.id(), current.parentPhase(), current.taskNumber(), current.taskName(),
						current.responsiblePersona(), target, current.dartTaskId(), current.dartTaskUrl(), started,
						completed, current.blockers(), current.dependencies(), current.deliverableUrls(),
						current.notes(), current.createdAt()))
				.thenReturn(current.id());
		}, (facts, task) -> facts.with("status", task.status()));
	}

	/** The phases (locked) and the task graph a write sees. */
	private record Locked(List<MigrationPhase> phases, MigrationTaskGraph graph) {
	}

	private Mono<MigrationTask> write(String action, @Nullable String id, Function<Locked, Mono<String>> work) {
		return write(action, id, work, (facts, task) -> facts);
	}

	/**
	 * Runs {@code work} for a caller of the programme, audited as {@code action} on the
	 * task {@code id}, after locking every phase and reading the graph; {@code work}
	 * answers the id of the task it wrote, which is returned as it then is.
	 */
	private Mono<MigrationTask> write(String action, @Nullable String id, Function<Locked, Mono<String>> work,
			BiFunction<AuditFacts, MigrationTask, AuditFacts> success) {
		AuditFacts facts = AuditFacts.of(action, TYPE, id);
		return transactions.run(facts, caller -> {
			MigrationAccess.requirePersona(caller);
			return phases.lockAll()
				.collectList()
				.zipWith(tasks.all().collectList(), (locked, all) -> new Locked(locked, new MigrationTaskGraph(all)))
				.flatMap(work)
				.flatMap(tasks::reread);
		}, (done, task) -> success.apply(
				done.about(task.id()).with("phaseNumber", task.parentPhase()).with("taskNumber", task.taskNumber()),
				task));
	}

	private static MigrationTask locate(MigrationTaskGraph graph, Input arguments) {
		String id = arguments.required(ID);
		MigrationTask task = graph.task(id);
		if (task == null) {
			throw notFound(id);
		}
		return task;
	}

	/** Unique (phase, task number): a BAD_REQUEST on input.taskNumber when taken. */
	private static void checkNumberFree(MigrationTaskGraph graph, Input input, int phase, int taskNumber, String id) {
		MigrationTask holder = graph.inPhase(phase, taskNumber);
		if (holder != null && !holder.id().equals(id)) {
			throw ApiException.badRequest(input.path(TASK_NUMBER),
					"phase " + phase + " already has task " + taskNumber + " (" + holder.taskName() + ")");
		}
	}

	/**
	 * Every dependency exists, is given once, closes no cycle and, for a task in progress
	 * or completed, is completed; else a BAD_REQUEST on input.dependencies[i].
	 */
	private static void checkDependencies(MigrationTaskGraph graph, MigrationTask task, Input input) {
		Set<String> seen = new HashSet<>();
		boolean started = !task.status().equals(MigrationTask.PENDING) && !task.status().equals(MigrationTask.BLOCKED);
		List<String> dependencies = task.dependencies();
		for (int i = 0; i < dependencies.size(); i++) {
			String dependency = dependencies.get(i);
			String path = input.path(DEPENDENCIES) + "[" + i + "]";
			MigrationTask target = graph.task(dependency);
			if (target == null) {
				throw ApiException.badRequest(path, "no task has the id " + dependency);
			}
			if (!seen.add(dependency)) {
				throw ApiException.badRequest(path, "the task " + dependency + " is listed twice");
			}
			List<String> cycle = graph.cycle(task.id(), dependency);
			if (!cycle.isEmpty()) {
				throw ApiException.badRequest(path, "depending on " + graph.label(dependency) + " would make the cycle "
						+ cycle.stream().map(one -> label(graph, task, one)).collect(Collectors.joining(" -> ")));
			}
			if (started && target != null && !target.status().equals(MigrationTask.COMPLETED)) {
				throw ApiException.badRequest(path, task.label() + " is " + task.status()
						+ ", so it may only depend on completed tasks; " + target.label() + " is " + target.status());
			}
		}
	}

	/**
	 * The label of a task in a cycle: the written task as it will be, the others as they
	 * are.
	 */
	private static String label(MigrationTaskGraph graph, MigrationTask task, String id) {
		return id.equals(task.id()) ? task.label() : graph.label(id);
	}

	private static ApiException taken(Input input, MigrationTask task) {
		return ApiException.badRequest(input.path(TASK_NUMBER),
				"phase " + task.parentPhase() + " already has task " + task.taskNumber());
	}

	static ApiException notFound(String id) {
		return ApiException.notFound("Migration task", id);
	}

}

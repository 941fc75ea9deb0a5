package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.migration.MigrationPhaseRepository.text;
import static dev.devguide.cockpit.migration.MigrationPhaseRepository.textList;
import static dev.devguide.cockpit.persistence.Rows.instantOrNull;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.graphql.Selection;
import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.persistence.Rows;
import io.r2dbc.spi.Readable;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for {@code v7_subworkflow_tasks}: tasks by id, by phase and by dependency for the
 * loaders (one statement a batch), the whole graph for a write's checks, and the writes.
 * The dependencies are the spec's JSON array of task ids; no other table holds them.
 */
@Repository
class MigrationTaskRepository {

	private static final String COLUMNS = """
			t.id, t.parent_phase, t.task_number, t.task_name, t.responsible_persona, t.status, t.dart_task_id,
			t.dart_task_url, t.started_at, t.completed_at, t.blockers, t.dependencies, t.deliverable_urls, t.notes,
			t.created_at""";

	private final DatabaseClient db;

	private final JsonColumns json;

	MigrationTaskRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	/** A task depended on, and one task that depends on it. */
	record Dependent(String dependencyId, MigrationTask task) {
	}

	/** The tasks of the ids (the selection is not narrowed). */
	Flux<MigrationTask> findByIds(Collection<String> ids, Selection selection) {
		if (ids.isEmpty()) {
			return Flux.empty();
		}
		return db.sql("SELECT " + COLUMNS + " FROM v7_subworkflow_tasks t WHERE t.id IN (:ids)")
			.bind("ids", ids)
			.map(this::read)
			.all();
	}

	/** The tasks of the phases, by phase and task number. */
	Flux<MigrationTask> findByPhases(Collection<Integer> phases, Selection selection) {
		return db.sql("SELECT " + COLUMNS + """
				 FROM v7_subworkflow_tasks t WHERE t.parent_phase IN (:phases)
				ORDER BY t.parent_phase, t.task_number""").bind("phases", phases).map(this::read).all();
	}

	/**
	 * The tasks whose dependencies hold one of the ids, by phase and task number. The
	 * JSON column has no index, so this reads every task once: the programme has tens to
	 * hundreds of them. (JSON_TABLE would unnest it, but TiDB has none.)
	 */
	Flux<Dependent> findDependents(Collection<String> ids) {
		return db.sql("SELECT d.id AS dependency_id, " + COLUMNS + """
				 FROM v7_subworkflow_tasks d
				JOIN v7_subworkflow_tasks t ON JSON_CONTAINS(t.dependencies, JSON_QUOTE(d.id))
				WHERE d.id IN (:ids)
				ORDER BY t.parent_phase, t.task_number""")
			.bind("ids", ids)
			.map(row -> new Dependent(string(row, "dependency_id"), read(row)))
			.all();
	}

	/**
	 * Every task: the graph a write checks its dependencies against, read after the
	 * phases are locked, so that it is the graph as the previous write committed it.
	 */
	Flux<MigrationTask> all() {
		return db.sql("SELECT " + COLUMNS + " FROM v7_subworkflow_tasks t ORDER BY t.parent_phase, t.task_number")
			.map(this::read)
			.all();
	}

	Mono<Void> insert(MigrationTask task) {
		return write(
				"""
						INSERT INTO v7_subworkflow_tasks (id, parent_phase, task_number, task_name, responsible_persona, status,
						    dart_task_id, dart_task_url, started_at, completed_at, blockers, dependencies, deliverable_urls, notes)
						VALUES (:id, :phase, :number, :name, :persona, :status, :dartId, :dartUrl, :started, :completed,
						    :blockers, :dependencies, :deliverables, :notes)""",
				task);
	}

	/**
	 * Writes every column of the task (an update or a move; the phase stays as it is).
	 */
	Mono<Void> save(MigrationTask task) {
		return write("""
				UPDATE v7_subworkflow_tasks
				SET parent_phase = :phase, task_number = :number, task_name = :name, responsible_persona = :persona,
				    status = :status, dart_task_id = :dartId, dart_task_url = :dartUrl, started_at = :started,
				    completed_at = :completed, blockers = :blockers, dependencies = :dependencies,
				    deliverable_urls = :deliverables, notes = :notes
				WHERE id = :id""", task);
	}

	/**
	 * Runs {@code sql} with every column of the task bound (created_at is the
	 * database's).
	 */
	private Mono<Void> write(String sql, MigrationTask task) {
		return db.sql(sql)
			.bind("id", task.id())
			.bind("phase", Parameter.fromOrEmpty(task.parentPhase(), Integer.class))
			.bind("number", task.taskNumber())
			.bind("name", task.taskName())
			.bind("persona", task.responsiblePersona())
			.bind("status", task.status())
			.bind("dartId", text(task.dartTaskId()))
			.bind("dartUrl", text(task.dartTaskUrl()))
			.bind("started", Parameter.fromOrEmpty(Rows.utc(task.startedAt()), LocalDateTime.class))
			.bind("completed", Parameter.fromOrEmpty(Rows.utc(task.completedAt()), LocalDateTime.class))
			.bind("blockers", json.write(task.blockers()))
			.bind("dependencies", json.write(task.dependencies()))
			.bind("deliverables", json.write(task.deliverableUrls()))
			.bind("notes", text(task.notes()))
			.then();
	}

	/** The task as it is now (in the transaction that changed it). */
	Mono<MigrationTask> reread(String id) {
		return findByIds(List.of(id), Selection.ALL).single();
	}

	private MigrationTask read(Readable row) {
		String status = stringOrNull(row, "status");
		return new MigrationTask(string(row, "id"), Rows.integerOrNull(row, "parent_phase"),
				Rows.integer(row, "task_number"), string(row, "task_name"), string(row, "responsible_persona"),
				status == null ? MigrationTask.PENDING : status, stringOrNull(row, "dart_task_id"),
				stringOrNull(row, "dart_task_url"), instantOrNull(row, "started_at"),
				instantOrNull(row, "completed_at"), textList(json, row, "blockers"),
				textList(json, row, "dependencies"), textList(json, row, "deliverable_urls"),
				stringOrNull(row, "notes"), instantOrNull(row, "created_at"));
	}

}

package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.persistence.Rows.instantOrNull;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Selection;
import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.persistence.Rows;
import io.r2dbc.spi.Readable;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for {@code v7_migration_workflow}: the phases in order, phases by number for the
 * loader, a phase locked for a change, every phase locked (for the task graph's writes),
 * and the writes.
 */
@Repository
class MigrationPhaseRepository {

	private static final String COLUMNS = """
			id, phase_number, phase_name, status, lead_persona, started_at, completed_at, approval_status, approved_by,
			approval_notes, deliverables, blockers, blocked_from, review_requested_by, created_at, updated_at""";

	private final DatabaseClient db;

	private final JsonColumns json;

	MigrationPhaseRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	/** Every phase, by number. */
	Flux<MigrationPhase> all() {
		return db.sql("SELECT " + COLUMNS + " FROM v7_migration_workflow ORDER BY phase_number").map(this::read).all();
	}

	/** The phases of the numbers, for the loader (the selection is not narrowed). */
	Flux<MigrationPhase> findByNumbers(Collection<Integer> numbers, Selection selection) {
		return db.sql("SELECT " + COLUMNS + " FROM v7_migration_workflow WHERE phase_number IN (:numbers)")
			.bind("numbers", numbers)
			.map(this::read)
			.all();
	}

	/**
	 * Nothing when {@code phase} is null or a phase of that number exists; else a
	 * BAD_REQUEST naming {@code path} (an impact's or test result's phase).
	 */
	Mono<Void> requireExists(@Nullable Integer phase, String path) {
		if (phase == null) {
			return Mono.empty();
		}
		return findByNumbers(List.of(phase), Selection.ALL).hasElements()
			.flatMap(found -> found ? Mono.<Void>empty()
					: Mono.error(ApiException.badRequest(path, "there is no phase " + phase)));
	}

	/** The phase, locked until the transaction ends; empty when there is none. */
	Mono<MigrationPhase> lock(int number) {
		return db.sql("SELECT " + COLUMNS + " FROM v7_migration_workflow WHERE phase_number = :number FOR UPDATE")
			.bind("number", number)
			.map(this::read)
			.one();
	}

	/**
	 * Every phase, locked in phase order until the transaction ends: how every write of
	 * the task graph starts (see {@link MigrationTaskService}).
	 */
	Flux<MigrationPhase> lockAll() {
		return db.sql("SELECT " + COLUMNS + " FROM v7_migration_workflow ORDER BY phase_number FOR UPDATE")
			.map(this::read)
			.all();
	}

	/** Writes the workflow columns a move or an approval changes. */
	Mono<Void> saveWorkflow(MigrationPhase phase) {
		return db.sql("""
				UPDATE v7_migration_workflow
				SET status = :status, started_at = :started, completed_at = :completed, approval_status = :approval,
				    approved_by = :approvedBy, approval_notes = :notes, blocked_from = :blockedFrom,
				    review_requested_by = :reviewRequestedBy
				WHERE id = :id""")
			.bind("id", phase.id())
			.bind("status", phase.status())
			.bind("started", Parameter.fromOrEmpty(Rows.utc(phase.startedAt()), LocalDateTime.class))
			.bind("completed", Parameter.fromOrEmpty(Rows.utc(phase.completedAt()), LocalDateTime.class))
			.bind("approval", text(phase.approvalStatus()))
			.bind("approvedBy", text(phase.approvedBy()))
			.bind("notes", text(phase.approvalNotes()))
			.bind("blockedFrom", text(phase.blockedFrom()))
			.bind("reviewRequestedBy", text(phase.reviewRequestedBy()))
			.then();
	}

	/** Writes the descriptive columns {@code updatePhase} changes. */
	Mono<Void> saveDescription(MigrationPhase phase) {
		return db.sql("""
				UPDATE v7_migration_workflow
				SET phase_name = :name, lead_persona = :lead, deliverables = :deliverables, blockers = :blockers
				WHERE id = :id""")
			.bind("id", phase.id())
			.bind("name", phase.phaseName())
			.bind("lead", phase.leadPersona())
			.bind("deliverables", json.write(phase.deliverables()))
			.bind("blockers", json.write(phase.blockers()))
			.then();
	}

	/** The phase as it is now (in the transaction that changed it). */
	Mono<MigrationPhase> reread(int number) {
		return findByNumbers(List.of(number), Selection.ALL).single();
	}

	/** A nullable text to bind. */
	static Parameter text(@Nullable String value) {
		return Parameter.fromOrEmpty(value, String.class);
	}

	private MigrationPhase read(Readable row) {
		return new MigrationPhase(string(row, "id"), Rows.integer(row, "phase_number"), string(row, "phase_name"),
				string(row, "status"), string(row, "lead_persona"), instantOrNull(row, "started_at"),
				instantOrNull(row, "completed_at"), stringOrNull(row, "approval_status"),
				stringOrNull(row, "approved_by"), stringOrNull(row, "approval_notes"),
				textList(json, row, "deliverables"), textList(json, row, "blockers"), stringOrNull(row, "blocked_from"),
				stringOrNull(row, "review_requested_by"), instantOrNull(row, "created_at"),
				instantOrNull(row, "updated_at"));
	}

	/** A JSON array column as texts; empty for NULL. */
	static List<String> textList(JsonColumns json, Readable row, String column) {
		Object value = json.readOrNull(row, column);
		if (!(value instanceof List<?> items)) {
			return List.of();
		}
		return items.stream().map(String::valueOf).toList();
	}

}

package dev.devguide.cockpit.events;

import static dev.devguide.cockpit.persistence.Rows.instant;

import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.persistence.Rows;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The outbox table: events are appended in the transaction of the change they describe,
 * and read back by project and sequence. {@link #append} must run in a transaction that
 * holds the project's row lock (every project-scoped mutation takes it): the sequence is
 * then gap-free and in commit order per project.
 */
@Component
public class EventOutbox {

	private final DatabaseClient db;

	private final JsonColumns json;

	private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();

	public EventOutbox(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * Runs {@code listener} after each commit of a transaction that appended events on
	 * this instance.
	 */
	public void onCommit(Runnable listener) {
		commitListeners.add(listener);
	}

	/**
	 * Appends an event of {@code type} with {@code payload} (any value Jackson writes)
	 * and returns its sequence.
	 */
	public Mono<Long> append(String projectId, String type, Object payload) {
		return db.sql("""
				INSERT INTO event_sequences (project_id, last_sequence) VALUES (:project, 1)
				ON DUPLICATE KEY UPDATE last_sequence = last_sequence + 1""")
			.bind("project", projectId)
			.then()
			.then(db.sql("SELECT last_sequence FROM event_sequences WHERE project_id = :project")
				.bind("project", projectId)
				.map(row -> Rows.longValue(row, "last_sequence"))
				.one())
			.flatMap(sequence -> db.sql("""
					INSERT INTO event_outbox (project_id, project_sequence, event_type, payload)
					VALUES (:project, :sequence, :type, :payload)""")
				.bind("project", projectId)
				.bind("sequence", sequence)
				.bind("type", type)
				.bind("payload", json.write(payload))
				.then()
				.then(notifyAfterCommit())
				.thenReturn(sequence));
	}

	/**
	 * Locks the sequence row of {@code projectId} (created at 0 if missing) until the
	 * transaction ends, before anything is appended: a writer that must read the state
	 * its events describe (say, the previous status) takes it first, so that writers of
	 * that stream run one after another. Streams without a project row to lock (the
	 * system-wide ones, see {@code monitoring.ClockDriftEvents}) use this.
	 */
	public Mono<Void> lock(String projectId) {
		return db.sql("""
				INSERT INTO event_sequences (project_id, last_sequence) VALUES (:project, 0)
				ON DUPLICATE KEY UPDATE last_sequence = last_sequence""")
			.bind("project", projectId)
			.then()
			.then(db.sql("SELECT last_sequence FROM event_sequences WHERE project_id = :project FOR UPDATE")
				.bind("project", projectId)
				.map(row -> Rows.longValue(row, "last_sequence"))
				.one()
				.then());
	}

	private Mono<Void> notifyAfterCommit() {
		return TransactionSynchronizationManager.forCurrentTransaction()
			.doOnNext(transaction -> transaction.registerSynchronization(new TransactionSynchronization() {
				@Override
				public Mono<Void> afterCommit() {
					return Mono.fromRunnable(() -> commitListeners.forEach(Runnable::run));
				}
			}))
			.onErrorResume(NoTransactionException.class, error -> Mono.empty())
			.then();
	}

	/**
	 * The project's events after {@code after}, in sequence order, at most {@code limit}.
	 */
	public Flux<OutboxEvent> after(String projectId, long after, int limit) {
		return db.sql("""
				SELECT project_id, project_sequence, event_type, payload, created_at FROM event_outbox
				WHERE project_id = :project AND project_sequence > :after
				ORDER BY project_sequence LIMIT :limit""")
			.bind("project", projectId)
			.bind("after", after)
			.bind("limit", limit)
			.map(this::map)
			.all();
	}

	/** The newest sequence of each given project (0 for a project with no events yet). */
	public Mono<Map<String, Long>> latest(Collection<String> projectIds) {
		return db.sql("SELECT project_id, last_sequence FROM event_sequences WHERE project_id IN (:ids)")
			.bind("ids", projectIds)
			.map(row -> Map.entry(Rows.string(row, "project_id"), Rows.longValue(row, "last_sequence")))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * Deletes up to {@code batch} events created before {@code cutoff}; returns how many
	 * went.
	 */
	public Mono<Long> deleteOlderThan(Instant cutoff, int batch) {
		return db.sql("DELETE FROM event_outbox WHERE created_at < :cutoff ORDER BY created_at LIMIT :batch")
			.bind("cutoff", Rows.utc(cutoff))
			.bind("batch", batch)
			.fetch()
			.rowsUpdated();
	}

	@SuppressWarnings("unchecked")
	private OutboxEvent map(Readable row) {
		return new OutboxEvent(Rows.string(row, "project_id"), Rows.longValue(row, "project_sequence"),
				Rows.string(row, "event_type"), (Map<String, Object>) json.read(row, "payload"),
				instant(row, "created_at"));
	}

}

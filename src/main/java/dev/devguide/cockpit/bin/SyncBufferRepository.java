package dev.devguide.cockpit.bin;

import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.instantOrNull;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.persistence.Rows;
import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for {@code sync_buffer}. Status changes are conditional on the current status, so a
 * transition that lost a race updates nothing.
 */
@Repository
public class SyncBufferRepository {

	private static final String COLUMNS = """
			id, project_id, change_type, source_module_id, payload, status, validation_results, impact_analysis,
			created_at, validated_at, propagated_at""";

	private final DatabaseClient db;

	private final JsonColumns json;

	public SyncBufferRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	public Mono<Void> insert(String id, String projectId, String changeType, @Nullable String sourceModuleId,
			String payload) {
		return db.sql("""
				INSERT INTO sync_buffer (id, project_id, change_type, source_module_id, payload)
				VALUES (:id, :project, :type, :module, :payload)""")
			.bind("id", id)
			.bind("project", projectId)
			.bind("type", changeType)
			.bind("module", Parameter.fromOrEmpty(sourceModuleId, String.class))
			.bind("payload", payload)
			.then();
	}

	public Mono<SyncChange> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM sync_buffer WHERE id = :id").bind("id", id).map(this::map).one();
	}

	public Flux<SyncChange> findByIds(Collection<String> ids) {
		return db.sql("SELECT " + COLUMNS + " FROM sync_buffer WHERE id IN (:ids)")
			.bind("ids", ids)
			.map(this::map)
			.all();
	}

	/**
	 * The current row, locked until the transaction ends (a current read, never a stale
	 * snapshot).
	 */
	public Mono<SyncChange> lock(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM sync_buffer WHERE id = :id FOR UPDATE")
			.bind("id", id)
			.map(this::map)
			.one();
	}

	/**
	 * PENDING → {@code status} with the results; 0 rows when the change is no longer
	 * PENDING.
	 */
	public Mono<Long> markValidated(String id, String status, Object results) {
		return db.sql("""
				UPDATE sync_buffer SET status = :status, validation_results = :results,
				       validated_at = CURRENT_TIMESTAMP(6)
				WHERE id = :id AND status = 'PENDING'""")
			.bind("status", status)
			.bind("results", json.write(results))
			.bind("id", id)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * VALIDATED → PROPAGATED with the impact analysis; 0 rows when no longer VALIDATED.
	 */
	public Mono<Long> markPropagated(String id, Object impact) {
		return db.sql("""
				UPDATE sync_buffer SET status = 'PROPAGATED', impact_analysis = :impact,
				       propagated_at = CURRENT_TIMESTAMP(6)
				WHERE id = :id AND status = 'VALIDATED'""")
			.bind("impact", json.write(impact))
			.bind("id", id)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Up to {@code limit} changes of each project (of one status, if given), newest first
	 * (created_at DESC, id DESC), after a position: one statement, a UNION ALL of one
	 * index range read per project.
	 */
	public Flux<SyncChange> pages(List<String> projectIds, @Nullable String status, Cursors.@Nullable Position after,
			int limit) {
		StringBuilder sql = new StringBuilder();
		for (int i = 0; i < projectIds.size(); i++) {
			sql.append(i == 0 ? "(" : " UNION ALL (")
				.append("SELECT ")
				.append(COLUMNS)
				.append(" FROM sync_buffer WHERE project_id = :p")
				.append(i);
			if (status != null) {
				sql.append(" AND status = :status");
			}
			if (after != null) {
				sql.append(" AND (created_at < :afterTime OR (created_at = :afterTime AND id < :afterId))");
			}
			sql.append(" ORDER BY created_at DESC, id DESC LIMIT ").append(limit).append(')');
		}
		DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
		for (int i = 0; i < projectIds.size(); i++) {
			spec = spec.bind("p" + i, projectIds.get(i));
		}
		if (status != null) {
			spec = spec.bind("status", status);
		}
		if (after != null) {
			spec = spec.bind("afterTime", Rows.utc(after.time())).bind("afterId", after.id());
		}
		return spec.map(this::map).all();
	}

	public Mono<Long> count(String projectId, @Nullable String status) {
		String sql = "SELECT COUNT(*) AS total FROM sync_buffer WHERE project_id = :project"
				+ (status == null ? "" : " AND status = :status");
		DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("project", projectId);
		if (status != null) {
			spec = spec.bind("status", status);
		}
		return spec.map(row -> Rows.longValue(row, "total")).one();
	}

	SyncChange map(Readable row) {
		return new SyncChange(string(row, "id"), string(row, "project_id"), string(row, "change_type"),
				stringOrNull(row, "source_module_id"), json.read(row, "payload"), string(row, "status"),
				json.readOrNull(row, "validation_results"), json.readOrNull(row, "impact_analysis"),
				instant(row, "created_at"), instantOrNull(row, "validated_at"), instantOrNull(row, "propagated_at"));
	}

}

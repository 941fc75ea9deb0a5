package dev.devguide.cockpit.audit;

import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.persistence.SqlConditions;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads {@code audit_logs} for the auditLog connection: newest first ({@code timestamp}
 * DESC, id DESC) after a keyset position.
 *
 * <p>
 * A user's rows are their own actions or the rows of the projects they own. As one
 * {@code OR} that condition cannot be read from one index in order, so a user's page is
 * the union of two branches, each a backward scan of one index with its own limit: the
 * user's actions ({@code idx_user_timestamp}) and the rows of the user's projects
 * ({@code idx_project_timestamp}, one range per project, sorted). The branches pick only
 * ids; the outer query reads and sorts at most twice the page size of whole rows. An
 * admin's page is one scan of {@code idx_timestamp} (or of the index of the filter
 * given). See migrations/README.md for the plans.
 */
@Repository
class AuditLogRepository {

	private static final String COLUMNS = """
			a.id, a.`timestamp`, a.user_id, a.action, a.resource_type, a.resource_id, a.project_id, a.status,
			a.metadata, a.ip_address, a.user_agent""";

	private static final String ORDER = " ORDER BY a.`timestamp` DESC, a.id DESC LIMIT ";

	private final DatabaseClient db;

	private final JsonColumns json;

	AuditLogRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * Up to {@code limit} rows matching the filter, newest first, after the row
	 * ({@code afterTime}, {@code afterId}) if given.
	 */
	Flux<AuditEntry> page(AuditFilter filter, @Nullable Instant afterTime, @Nullable Long afterId, int limit) {
		SqlConditions where = conditions(filter);
		if (afterTime != null && afterId != null) {
			where.add("(a.`timestamp` < :afterTime OR (a.`timestamp` = :afterTime AND a.id < :afterId))")
				.parameter("afterTime", Rows.utc(afterTime))
				.parameter("afterId", afterId);
		}
		String reader = filter.reader();
		String sql;
		if (reader == null) {
			sql = "SELECT " + COLUMNS + " FROM audit_logs a" + where.where() + ORDER + limit;
		}
		else {
			where.parameter("reader", reader);
			String common = where.joined();
			// The branches pick ids only, from their index alone when no other filter is
			// given (a condition on user_id in the second branch would read every row of
			// the user's projects: 0.9 s at a million rows); UNION drops the ids both
			// found. The page's rows are then read by primary key.
			sql = "SELECT " + COLUMNS + " FROM audit_logs a JOIN ((SELECT a.id FROM audit_logs a WHERE a.user_id = "
					+ ":reader AND " + common + ORDER + limit + ") UNION (SELECT a.id FROM audit_logs a WHERE "
					+ "a.project_id IN (SELECT p.id FROM projects p WHERE p.owner_user_id = :reader) AND " + common
					+ ORDER + limit + ")) k ON k.id = a.id" + ORDER + limit;
		}
		return where.bind(db.sql(sql)).map(this::map).all();
	}

	/** How many rows match the filter. */
	Mono<Long> count(AuditFilter filter) {
		SqlConditions where = conditions(filter);
		String reader = filter.reader();
		if (reader != null) {
			where
				.add("(a.user_id = :reader OR a.project_id IN "
						+ "(SELECT p.id FROM projects p WHERE p.owner_user_id = :reader))")
				.parameter("reader", reader);
		}
		return where.bind(db.sql("SELECT COUNT(*) AS total FROM audit_logs a" + where.where()))
			.map(row -> Rows.longValue(row, "total"))
			.one();
	}

	private static SqlConditions conditions(AuditFilter filter) {
		return new SqlConditions().optional("a.project_id = :project", "project", filter.projectId())
			.optional("a.user_id = :user", "user", filter.userId())
			.optional("a.action = :action", "action", filter.action())
			.optional("a.resource_type = :type", "type", filter.resourceType())
			.optional("a.resource_id = :resource", "resource", filter.resourceId())
			.optional("a.status = :status", "status", filter.status())
			.optional("a.`timestamp` >= :from", "from", Rows.utc(filter.from()))
			.optional("a.`timestamp` < :to", "to", Rows.utc(filter.to()));
	}

	private AuditEntry map(Readable row) {
		return new AuditEntry(Rows.longValue(row, "id"), instant(row, "timestamp"), string(row, "user_id"),
				string(row, "action"), string(row, "resource_type"), stringOrNull(row, "resource_id"),
				stringOrNull(row, "project_id"), string(row, "status"), json.readOrNull(row, "metadata"),
				stringOrNull(row, "ip_address"), stringOrNull(row, "user_agent"));
	}

}

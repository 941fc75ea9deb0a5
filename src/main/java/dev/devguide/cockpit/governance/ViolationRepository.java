package dev.devguide.cockpit.governance;

import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.instantOrNull;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.persistence.SqlConditions;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code metadata_violations}. */
@Repository
public class ViolationRepository {

	private static final String COLUMNS = """
			v.id, v.standard_id, v.resource_type, v.resource_id, v.violation_value, v.suggested_fix, v.status,
			v.detected_at, v.resolved_at, v.resolved_by, v.project_id""";

	private final DatabaseClient db;

	public ViolationRepository(DatabaseClient db) {
		this.db = db;
	}

	public Mono<Void> insert(MetadataViolation violation) {
		return db.sql("""
				INSERT INTO metadata_violations (id, standard_id, resource_type, resource_id, violation_value,
				                                 suggested_fix, project_id)
				VALUES (:id, :standard, :type, :resource, :value, :fix, :project)""")
			.bind("id", violation.id())
			.bind("standard", violation.standardId())
			.bind("type", violation.resourceType())
			.bind("resource", violation.resourceId())
			.bind("value", Parameter.fromOrEmpty(violation.violationValue(), String.class))
			.bind("fix", Parameter.fromOrEmpty(violation.suggestedFix(), String.class))
			.bind("project", Parameter.fromOrEmpty(violation.projectId(), String.class))
			.then();
	}

	public Mono<MetadataViolation> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM metadata_violations v WHERE v.id = :id")
			.bind("id", id)
			.map(ViolationRepository::map)
			.one();
	}

	/**
	 * The violations of one resource, oldest first (the Bin reads back what it wrote).
	 */
	public Flux<MetadataViolation> findByResource(String resourceType, String resourceId) {
		return db
			.sql("SELECT " + COLUMNS + " FROM metadata_violations v WHERE v.resource_type = :type "
					+ "AND v.resource_id = :id ORDER BY v.detected_at, v.id")
			.bind("type", resourceType)
			.bind("id", resourceId)
			.map(ViolationRepository::map)
			.all();
	}

	/** The violation's status, locked until the transaction ends. */
	public Mono<String> lockStatus(String id) {
		return db.sql("SELECT status FROM metadata_violations WHERE id = :id FOR UPDATE")
			.bind("id", id)
			.map(row -> string(row, "status"))
			.one();
	}

	/**
	 * Moves the violation from {@code from} to {@code to}; 0 rows when it is no longer in
	 * {@code from}.
	 */
	public Mono<Long> transition(String id, String from, String to, String resolvedBy) {
		String resolvedAt = MetadataViolation.OPEN.equals(to) ? "NULL" : "CURRENT_TIMESTAMP(6)";
		return db
			.sql("UPDATE metadata_violations SET status = :to, resolved_by = :by, resolved_at = " + resolvedAt
					+ " WHERE id = :id AND status = :from")
			.bind("to", to)
			.bind("by", resolvedBy)
			.bind("id", id)
			.bind("from", from)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Up to {@code limit} violations matching the filter, newest first (detected_at DESC,
	 * id DESC), after a position.
	 */
	public Flux<MetadataViolation> page(ViolationFilter filter, Cursors.@Nullable Position after, int limit) {
		SqlConditions where = conditions(filter);
		if (after != null) {
			where.add("(v.detected_at < :afterTime OR (v.detected_at = :afterTime AND v.id < :afterId))")
				.parameter("afterTime", Rows.utc(after.time()))
				.parameter("afterId", after.id());
		}
		String sql = "SELECT " + COLUMNS + " FROM metadata_violations v" + where.where()
				+ " ORDER BY v.detected_at DESC, v.id DESC LIMIT " + limit;
		return where.bind(db.sql(sql)).map(ViolationRepository::map).all();
	}

	public Mono<Long> count(ViolationFilter filter) {
		SqlConditions where = conditions(filter);
		return where.bind(db.sql("SELECT COUNT(*) AS total FROM metadata_violations v" + where.where()))
			.map(row -> Rows.longValue(row, "total"))
			.one();
	}

	private static SqlConditions conditions(ViolationFilter filter) {
		return new SqlConditions()
			.optional("v.project_id IN (SELECT p.id FROM projects p WHERE p.owner_user_id = :owner)", "owner",
					filter.visibleTo())
			.optional("v.project_id = :project", "project", filter.projectId())
			.optional("v.status = :status", "status", filter.status())
			.optional("v.standard_id = :standard", "standard", filter.standardId())
			.optional("v.resource_type = :type", "type", filter.resourceType())
			.optional("v.detected_at > :detectedAfter", "detectedAfter", Rows.utc(filter.detectedAfter()));
	}

	static MetadataViolation map(Readable row) {
		return new MetadataViolation(string(row, "id"), string(row, "standard_id"), string(row, "resource_type"),
				string(row, "resource_id"), stringOrNull(row, "violation_value"), stringOrNull(row, "suggested_fix"),
				string(row, "status"), instant(row, "detected_at"), instantOrNull(row, "resolved_at"),
				stringOrNull(row, "resolved_by"), stringOrNull(row, "project_id"));
	}

}

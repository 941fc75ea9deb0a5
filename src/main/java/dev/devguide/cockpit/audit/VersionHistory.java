package dev.devguide.cockpit.audit;

import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.security.Caller;
import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Appends and reads {@code version_history} snapshots. Call it inside the transaction
 * that changed (and so row-locked) the resource: concurrent changes of one resource then
 * number their versions one after another.
 */
@Component
public class VersionHistory {

	private static final String COLUMNS = """
			id, resource_type, resource_id, version_number, snapshot, change_description, created_by, created_at""";

	private final DatabaseClient db;

	private final JsonColumns json;

	public VersionHistory(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * Stores {@code snapshot} as the next version of the resource and returns that
	 * version number.
	 */
	public Mono<Integer> snapshot(Caller caller, String resourceType, String resourceId, Object snapshot,
			String description) {
		return db.sql("""
				SELECT COALESCE(MAX(version_number), 0) + 1 AS next_version
				FROM version_history WHERE resource_type = :type AND resource_id = :id""")
			.bind("type", resourceType)
			.bind("id", resourceId)
			.map(row -> Rows.longValue(row, "next_version").intValue())
			.one()
			.flatMap(version -> db.sql("""
					INSERT INTO version_history (id, resource_type, resource_id, version_number, snapshot,
					                             change_description, created_by)
					VALUES (:id, :type, :resource, :version, :snapshot, :description, :by)""")
				.bind("id", UUID.randomUUID().toString())
				.bind("type", resourceType)
				.bind("resource", resourceId)
				.bind("version", version)
				.bind("snapshot", json.write(snapshot))
				.bind("description", description)
				.bind("by", caller.userId())
				.fetch()
				.rowsUpdated()
				.thenReturn(version));
	}

	/** Version {@code number} of the resource, if there is one. */
	public Mono<Version> find(String resourceType, String resourceId, int number) {
		return db
			.sql("SELECT " + COLUMNS + " FROM version_history WHERE resource_type = :type AND resource_id = :id "
					+ "AND version_number = :number")
			.bind("type", resourceType)
			.bind("id", resourceId)
			.bind("number", number)
			.map(this::map)
			.one();
	}

	/**
	 * Up to {@code limit} versions of each resource, newest first, numbered below
	 * {@code before} if given: one statement, a branch per resource, each a backward scan
	 * of {@code uq_resource_version}.
	 */
	Flux<Version> pages(String resourceType, List<String> resourceIds, @Nullable Integer before, int limit) {
		StringBuilder sql = new StringBuilder();
		for (int i = 0; i < resourceIds.size(); i++) {
			sql.append(i == 0 ? "(" : " UNION ALL (")
				.append("SELECT ")
				.append(COLUMNS)
				.append(" FROM version_history WHERE resource_type = :type AND resource_id = :r")
				.append(i);
			if (before != null) {
				sql.append(" AND version_number < :before");
			}
			sql.append(" ORDER BY version_number DESC LIMIT ").append(limit).append(')');
		}
		DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("type", resourceType);
		for (int i = 0; i < resourceIds.size(); i++) {
			spec = spec.bind("r" + i, resourceIds.get(i));
		}
		if (before != null) {
			spec = spec.bind("before", before);
		}
		return spec.map(this::map).all();
	}

	/** How many versions the resource has. */
	Mono<Long> count(String resourceType, String resourceId) {
		return db.sql("SELECT COUNT(*) AS total FROM version_history WHERE resource_type = :type AND resource_id = :id")
			.bind("type", resourceType)
			.bind("id", resourceId)
			.map(row -> Rows.longValue(row, "total"))
			.one();
	}

	private Version map(Readable row) {
		return new Version(Rows.string(row, "id"), Rows.string(row, "resource_type"), Rows.string(row, "resource_id"),
				Rows.integer(row, "version_number"), json.read(row, "snapshot"),
				Rows.stringOrNull(row, "change_description"), Rows.string(row, "created_by"),
				Rows.instant(row, "created_at"));
	}

}

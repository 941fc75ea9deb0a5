package dev.devguide.cockpit.audit;

import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.security.Caller;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Appends {@code version_history} snapshots. Call it inside the transaction that changed
 * (and so row-locked) the resource: concurrent changes of one resource then number their
 * versions one after another.
 */
@Component
public class VersionHistory {

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

}

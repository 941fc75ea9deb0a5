package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.persistence.Rows.bool;
import static dev.devguide.cockpit.persistence.Rows.instantOrNull;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.persistence.Rows;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for {@code external_tool_access}. The rows it returns to the API carry the scopes
 * and whether each token is set, never a token.
 */
@Repository
public class ToolAccessRepository {

	private static final String COLUMNS = """
			id, project_id, tool_id, access_type, oauth_config, enabled, last_accessed_at, expires_at, oauth_key_id,
			oauth_set_at""";

	private final DatabaseClient db;

	private final JsonColumns json;

	public ToolAccessRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	public Mono<ToolAccess> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM external_tool_access WHERE id = :id")
			.bind("id", id)
			.map(this::map)
			.one();
	}

	/** The grants of many projects in one statement, by tool id within each project. */
	public Flux<ToolAccess> findByProjectIds(Collection<String> projectIds) {
		return db
			.sql("SELECT " + COLUMNS + " FROM external_tool_access WHERE project_id IN (:ids) "
					+ "ORDER BY project_id, tool_id, id")
			.bind("ids", projectIds)
			.map(this::map)
			.all();
	}

	/** True when the project already has a grant of the tool. */
	public Mono<Boolean> granted(String projectId, String toolId) {
		return db
			.sql("SELECT COUNT(*) AS granted FROM external_tool_access WHERE project_id = :project AND tool_id = :tool")
			.bind("project", projectId)
			.bind("tool", toolId)
			.map(row -> Rows.longValue(row, "granted") > 0)
			.one();
	}

	/**
	 * True when a module of the project holds the capability: granted and not revoked.
	 */
	public Mono<Boolean> capabilityHeld(String projectId, String capabilityType) {
		return db.sql("""
				SELECT COUNT(*) AS held FROM capabilities c
				JOIN modules m ON m.id = c.module_id
				JOIN dashboards d ON d.id = m.dashboard_id
				JOIN profiles pr ON pr.id = d.profile_id
				WHERE pr.project_id = :project AND c.capability_type = :type AND c.granted = TRUE
				  AND c.revoked_at IS NULL""")
			.bind("project", projectId)
			.bind("type", capabilityType)
			.map(row -> Rows.longValue(row, "held") > 0)
			.one();
	}

	public Mono<Void> insert(ToolAccess access) {
		return db.sql("""
				INSERT INTO external_tool_access (id, project_id, tool_id, access_type, enabled)
				VALUES (:id, :project, :tool, :type, :enabled)""")
			.bind("id", access.id())
			.bind("project", access.projectId())
			.bind("tool", access.toolId())
			.bind("type", access.accessType())
			.bind("enabled", access.enabled())
			.then();
	}

	public Mono<Void> update(String id, String accessType, boolean enabled) {
		return db.sql("UPDATE external_tool_access SET access_type = :type, enabled = :enabled WHERE id = :id")
			.bind("type", accessType)
			.bind("enabled", enabled)
			.bind("id", id)
			.then();
	}

	/**
	 * Replaces the OAuth configuration (null clears it) and its expiry; sets when the
	 * tokens were set and which key sealed them.
	 */
	public Mono<Void> setOAuth(String id, @Nullable ToolOAuth oauth, @Nullable Instant expiresAt) {
		return db.sql("""
				UPDATE external_tool_access SET oauth_config = :oauth, expires_at = :expires, oauth_key_id = :keyId,
				       oauth_set_at = CURRENT_TIMESTAMP(6)
				WHERE id = :id""")
			.bind("oauth", Parameter.fromOrEmpty(oauth == null ? null : json.write(oauth.toJson()), String.class))
			.bind("expires", Parameter.fromOrEmpty(Rows.utc(expiresAt), LocalDateTime.class))
			.bind("keyId", Parameter.fromOrEmpty(oauth == null ? null : oauth.keyId(), String.class))
			.bind("id", id)
			.then();
	}

	public Mono<Void> touch(String id) {
		return db.sql("UPDATE external_tool_access SET last_accessed_at = CURRENT_TIMESTAMP(6) WHERE id = :id")
			.bind("id", id)
			.then();
	}

	public Mono<Void> delete(String id) {
		return db.sql("DELETE FROM external_tool_access WHERE id = :id").bind("id", id).then();
	}

	/**
	 * Up to {@code limit} grants whose tokens are sealed under another key than
	 * {@code primaryId}, by id, with their OAuth configuration, locked until the
	 * transaction ends.
	 */
	Flux<ToolSealedTokens> lockStale(String primaryId, int limit) {
		return db
			.sql("SELECT id, oauth_config FROM external_tool_access WHERE oauth_key_id IS NOT NULL "
					+ "AND oauth_key_id <> :primary ORDER BY id LIMIT " + limit + " FOR UPDATE")
			.bind("primary", primaryId)
			// a grant with a key id has its OAuth configuration
			.map(row -> new ToolSealedTokens(string(row, "id"),
					Objects.requireNonNull(ToolOAuth.fromJson(json.readOrNull(row, "oauth_config")))))
			.all();
	}

	Mono<Long> countStale(String primaryId) {
		return db
			.sql("SELECT COUNT(*) AS stale FROM external_tool_access WHERE oauth_key_id IS NOT NULL "
					+ "AND oauth_key_id <> :primary")
			.bind("primary", primaryId)
			.map(row -> Rows.longValue(row, "stale"))
			.one();
	}

	/** Replaces the sealed tokens of a grant with the same tokens sealed again. */
	Mono<Void> reseal(String id, ToolOAuth oauth) {
		return db.sql("UPDATE external_tool_access SET oauth_config = :oauth, oauth_key_id = :keyId WHERE id = :id")
			.bind("oauth", json.write(oauth.toJson()))
			.bind("keyId", Parameter.fromOrEmpty(oauth.keyId(), String.class))
			.bind("id", id)
			.then();
	}

	private ToolAccess map(Readable row) {
		ToolOAuth oauth = ToolOAuth.fromJson(json.readOrNull(row, "oauth_config"));
		return new ToolAccess(string(row, "id"), string(row, "project_id"), string(row, "tool_id"),
				string(row, "access_type"), Boolean.TRUE.equals(bool(row, "enabled")),
				instantOrNull(row, "last_accessed_at"), instantOrNull(row, "expires_at"),
				oauth == null ? List.of() : oauth.scopes(), oauth != null && oauth.accessToken() != null,
				oauth != null && oauth.refreshToken() != null, stringOrNull(row, "oauth_key_id"),
				instantOrNull(row, "oauth_set_at"));
	}

}

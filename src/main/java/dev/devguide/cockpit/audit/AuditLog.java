package dev.devguide.cockpit.audit;

import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.security.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes {@code audit_logs} rows for {@link AuditedTransactions}: a success row inside
 * the mutation's own transaction, a failure row when a mutation is refused. A row's
 * {@code project_id} is the project the mutation located (and locked) through
 * {@link AuditProject}, or, for a mutation of a project itself, that project; NULL for
 * mutations outside any project.
 */
@Component
class AuditLog {

	/** The resource type of projects, whose id is the row's project. */
	private static final String PROJECT = "project";

	private final DatabaseClient db;

	private final JsonColumns json;

	public AuditLog(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	/** The success row of a mutation; inside the transaction that made the change. */
	Mono<Void> success(Caller caller, AuditFacts facts, @Nullable String projectId) {
		return insert(caller, facts, "success", facts.metadata(), projectId);
	}

	/** The failure row of a refused mutation: its facts, classification and reason. */
	Mono<Void> failure(Caller caller, AuditFacts facts, ApiException error, @Nullable String projectId) {
		Map<String, @Nullable Object> metadata = new LinkedHashMap<>(facts.metadata());
		metadata.put("classification", error.type().name());
		metadata.put("reason", error.getMessage());
		return insert(caller, facts, "failure", metadata, projectId);
	}

	private Mono<Void> insert(Caller caller, AuditFacts facts, String status, Map<String, @Nullable Object> metadata,
			@Nullable String located) {
		// a project's own rows belong to it even when nothing locked it (project.create)
		String projectId = located == null && PROJECT.equals(facts.resourceType()) ? facts.resourceId() : located;
		return db.sql("""
				INSERT INTO audit_logs (user_id, action, resource_type, resource_id, status, metadata, ip_address,
				                        user_agent, project_id)
				VALUES (:user, :action, :type, :id, :status, :metadata, :ip, :agent, :project)""")
			.bind("user", caller.userId())
			.bind("action", facts.action())
			.bind("type", facts.resourceType())
			.bind("id", Parameter.fromOrEmpty(facts.resourceId(), String.class))
			.bind("status", status)
			.bind("metadata", json.write(metadata))
			.bind("ip", Parameter.fromOrEmpty(caller.ipAddress(), String.class))
			.bind("agent", Parameter.fromOrEmpty(caller.userAgent(), String.class))
			.bind("project", Parameter.fromOrEmpty(projectId, String.class))
			.fetch()
			.rowsUpdated()
			.then();
	}

}

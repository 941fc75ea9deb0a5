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
 * the mutation's own transaction, a failure row when a mutation is refused.
 */
@Component
class AuditLog {

	private final DatabaseClient db;

	private final JsonColumns json;

	public AuditLog(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	/** The success row of a mutation; inside the transaction that made the change. */
	Mono<Void> success(Caller caller, AuditFacts facts) {
		return insert(caller, facts, "success", facts.metadata());
	}

	/** The failure row of a refused mutation: its facts, classification and reason. */
	Mono<Void> failure(Caller caller, AuditFacts facts, ApiException error) {
		Map<String, @Nullable Object> metadata = new LinkedHashMap<>(facts.metadata());
		metadata.put("classification", error.type().name());
		metadata.put("reason", error.getMessage());
		return insert(caller, facts, "failure", metadata);
	}

	private Mono<Void> insert(Caller caller, AuditFacts facts, String status, Map<String, @Nullable Object> metadata) {
		return db.sql("""
				INSERT INTO audit_logs (user_id, action, resource_type, resource_id, status, metadata, ip_address,
				                        user_agent)
				VALUES (:user, :action, :type, :id, :status, :metadata, :ip, :agent)""")
			.bind("user", caller.userId())
			.bind("action", facts.action())
			.bind("type", facts.resourceType())
			.bind("id", Parameter.fromOrEmpty(facts.resourceId(), String.class))
			.bind("status", status)
			.bind("metadata", json.write(metadata))
			.bind("ip", Parameter.fromOrEmpty(caller.ipAddress(), String.class))
			.bind("agent", Parameter.fromOrEmpty(caller.userAgent(), String.class))
			.fetch()
			.rowsUpdated()
			.then();
	}

}

package dev.devguide.cockpit.audit;

import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.security.Caller;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Writes {@code audit_logs}: a success row inside the mutation's own transaction, and a
 * failure row (in its own transaction, after the change was rolled back) when a mutation
 * is refused.
 */
@Component
public class AuditLog {

	private final DatabaseClient db;

	private final JsonColumns json;

	private final TransactionalOperator tx;

	public AuditLog(DatabaseClient db, JsonColumns json, TransactionalOperator tx) {
		this.db = db;
		this.json = json;
		this.tx = tx;
	}

	/**
	 * Records a successful action; call it inside the transaction that makes the change.
	 */
	public Mono<Void> success(Caller caller, String action, String resourceType, String resourceId,
			Map<String, ?> metadata) {
		return insert(caller, action, resourceType, resourceId, "success", metadata);
	}

	/**
	 * Runs {@code work} (which holds its own transaction) and, if it is refused with an
	 * {@link ApiException}, records the failure before passing the error on.
	 */
	public <T> Mono<T> refusalsOf(Caller caller, String action, String resourceType, String resourceId, Mono<T> work) {
		return work.onErrorResume(ApiException.class,
				error -> tx
					.transactional(insert(caller, action, resourceType, resourceId, "failure",
							Map.of("classification", error.type().name(), "reason", error.getMessage())))
					.then(Mono.error(error)));
	}

	private Mono<Void> insert(Caller caller, String action, String resourceType, String resourceId, String status,
			Map<String, ?> metadata) {
		return db.sql("""
				INSERT INTO audit_logs (user_id, action, resource_type, resource_id, status, metadata, ip_address,
				                        user_agent)
				VALUES (:user, :action, :type, :id, :status, :metadata, :ip, :agent)""")
			.bind("user", caller.userId())
			.bind("action", action)
			.bind("type", resourceType)
			.bind("id", Parameter.fromOrEmpty(resourceId, String.class))
			.bind("status", status)
			.bind("metadata", json.write(metadata == null ? Map.of() : metadata))
			.bind("ip", Parameter.fromOrEmpty(caller.ipAddress(), String.class))
			.bind("agent", Parameter.fromOrEmpty(caller.userAgent(), String.class))
			.fetch()
			.rowsUpdated()
			.then();
	}

}

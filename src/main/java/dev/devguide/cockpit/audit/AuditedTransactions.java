package dev.devguide.cockpit.audit;

import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.CallerContext;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Runs a mutation for the current caller in one transaction; a refused mutation (an
 * ApiException) is rolled back and leaves a failure row in {@code audit_logs}.
 */
@Component
public class AuditedTransactions {

	private final TransactionalOperator tx;

	private final AuditLog audit;

	public AuditedTransactions(TransactionalOperator tx, AuditLog audit) {
		this.tx = tx;
		this.audit = audit;
	}

	public <T> Mono<T> run(String action, String resourceType, String resourceId, Function<Caller, Mono<T>> work) {
		return CallerContext.current()
			.flatMap(caller -> audit.refusalsOf(caller, action, resourceType, resourceId,
					tx.transactional(Mono.defer(() -> work.apply(caller)))));
	}

}

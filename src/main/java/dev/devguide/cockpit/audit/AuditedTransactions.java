package dev.devguide.cockpit.audit;

import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.CallerContext;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Runs a mutation for the current caller in one transaction and writes its audit row: the
 * success row inside that transaction, from the operation's facts and what it returned;
 * or, when the mutation is refused (an ApiException), the failure row from the same
 * facts, in a transaction of its own after the change was rolled back. No service writes
 * an audit row itself. Both rows carry the project the mutation located
 * ({@link AuditProject}), if any.
 */
@Component
public class AuditedTransactions {

	private final TransactionalOperator tx;

	private final AuditLog audit;

	public AuditedTransactions(TransactionalOperator tx, AuditLog audit) {
		this.tx = tx;
		this.audit = audit;
	}

	/** Runs {@code work}; its success is recorded with {@code facts} as they are. */
	public <T> Mono<T> run(AuditFacts facts, Function<Caller, Mono<T>> work) {
		return run(facts, work, (done, result) -> done);
	}

	/**
	 * Runs {@code work}; its success is recorded with the facts {@code success} makes of
	 * {@code facts} and the result (say, the position a move ended at).
	 */
	public <T> Mono<T> run(AuditFacts facts, Function<Caller, Mono<T>> work,
			BiFunction<AuditFacts, T, AuditFacts> success) {
		return Mono.defer(() -> {
			AtomicReference<@Nullable String> project = new AtomicReference<>();
			return CallerContext.current()
				.flatMap(caller -> tx.transactional(Mono.defer(() -> work.apply(caller))
					.switchIfEmpty(Mono.error(() -> new IllegalStateException(facts.action() + " returned nothing")))
					.flatMap(result -> audit.success(caller, success.apply(facts, result), project.get())
						.thenReturn(result)))
					.onErrorResume(ApiException.class,
							error -> tx.transactional(audit.failure(caller, facts, error, project.get()))
								.then(Mono.error(error))))
				.contextWrite(context -> AuditProject.with(context, project));
		});
	}

}

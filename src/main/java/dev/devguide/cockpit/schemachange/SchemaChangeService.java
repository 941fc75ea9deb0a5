package dev.devguide.cockpit.schemachange;

import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.persistence.SchemaChanges;
import dev.devguide.cockpit.persistence.SchemaDrift;
import dev.devguide.cockpit.persistence.SchemaStatus;
import dev.devguide.cockpit.security.CallerContext;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The admins' view of the schema: its status and its health. Both read the database over
 * JDBC and Liquibase, which block, so they run on the bounded elastic scheduler, never on
 * the event loop. A failure reaches the caller as an internal error with a reference,
 * never with its SQL.
 */
@Service
class SchemaChangeService {

	private final SchemaChanges changes;

	SchemaChangeService(SchemaChanges changes) {
		this.changes = changes;
	}

	Mono<SchemaStatus> status() {
		return asAdmin("read the schema status", changes::status);
	}

	Mono<SchemaHealth> health() {
		return asAdmin("read the schema health", () -> {
			List<SchemaDrift> drifts = changes.health();
			return new SchemaHealth(drifts.isEmpty(), Instant.now(), drifts);
		});
	}

	private <T> Mono<T> asAdmin(String what, Callable<T> work) {
		return CallerContext.current()
			.flatMap(caller -> caller.admin() ? Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic())
					: Mono.error(ApiException.forbidden("Only admins may " + what)));
	}

	/** What {@code schemaHealth} answers. */
	record SchemaHealth(boolean healthy, Instant checkedAt, List<SchemaDrift> drifts) {

	}

}

package dev.devguide.cockpit.migration;

import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.CallerContext;
import reactor.core.publisher.Mono;

/**
 * Who may read and write enum migrations, global impacts, test results, the file audit
 * and the dashboard: admins and the {@code migration} personas read and write; approvals
 * are admins' (the Architect).
 */
final class MigrationImpactsAccess {

	private MigrationImpactsAccess() {
	}

	/** The caller, if it may read the programme; else FORBIDDEN. */
	static Mono<Caller> reader() {
		return CallerContext.current().flatMap(MigrationImpactsAccess::persona);
	}

	/** {@code caller}, if an admin or a migration persona; else FORBIDDEN. */
	static Mono<Caller> persona(Caller caller) {
		return caller.migrationPersona() ? Mono.just(caller)
				: Mono.error(ApiException.forbidden("Only admins and the migration personas may do this"));
	}

	/** {@code caller}, if an admin; else FORBIDDEN. */
	static Mono<Caller> approver(Caller caller) {
		return caller.admin() ? Mono.just(caller)
				: Mono.error(ApiException.forbidden("Only admins (the Architect) may approve"));
	}

}

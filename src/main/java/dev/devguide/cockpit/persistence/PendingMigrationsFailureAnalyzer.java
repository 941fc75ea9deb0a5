package dev.devguide.cockpit.persistence;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns pending changesets at start-up into a message that names them and the command
 * that previews them.
 */
class PendingMigrationsFailureAnalyzer extends AbstractFailureAnalyzer<PendingMigrationsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PendingMigrationsException cause) {
		StringBuilder description = new StringBuilder(cause.getMessage()).append(':');
		cause.pending().forEach(id -> description.append("\n  ").append(id));
		cause.refusals().forEach(refusal -> description.append("\n  refused: ").append(refusal));
		String action = """
				Preview the SQL they would run, review it, approve it, verify its rollback, then apply it:
				  java -jar target/devguide-cockpit-api.jar migrate preview
				  java -jar target/devguide-cockpit-api.jar migrate approve --by NAME --note TEXT
				  java -jar target/devguide-cockpit-api.jar migrate verify-rollback
				  java -jar target/devguide-cockpit-api.jar migrate apply
				(or ./mvnw -q spring-boot:run -Dspring-boot.run.arguments="migrate ..."). With
				COCKPIT_MIGRATIONS_APPLY_ON_START=true the server applies them at start-up, under the same rule:
				only changesets approved and rollback-verified as they are now.""";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}

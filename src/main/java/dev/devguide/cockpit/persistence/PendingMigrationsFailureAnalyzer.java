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
		String action = """
				Preview the SQL they would run, review it, then apply it:
				  ./mvnw -q spring-boot:run -Dspring-boot.run.arguments="migrate preview"
				  ./mvnw -q spring-boot:run -Dspring-boot.run.arguments="migrate apply"
				(or java -jar target/devguide-cockpit-api.jar migrate preview|apply), or start the server with
				COCKPIT_MIGRATIONS_APPLY_ON_START=true to apply them at start-up.""";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}

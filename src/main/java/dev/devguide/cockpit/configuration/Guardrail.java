package dev.devguide.cockpit.configuration;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code guardrails}: a project's rule, or a system rule when {@code projectId}
 * is null. {@code createdAt} is null only in a row not yet inserted (the database sets
 * it).
 */
public record Guardrail(String id, @Nullable String projectId, String ruleId, String description, String severity,
		boolean autoReject, @Nullable Object configuration, boolean enabled, @Nullable Instant createdAt) {

	/** True for a system guardrail, which applies to every project. */
	public boolean system() {
		return projectId == null;
	}

}

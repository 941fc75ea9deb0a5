package dev.devguide.cockpit.configuration;

import java.time.Instant;

/**
 * A row of {@code guardrails}: a project's rule, or a system rule when {@code projectId}
 * is null.
 */
public record Guardrail(String id, String projectId, String ruleId, String description, String severity,
		boolean autoReject, Object configuration, boolean enabled, Instant createdAt) {

	/** True for a system guardrail, which applies to every project. */
	public boolean system() {
		return projectId == null;
	}

}

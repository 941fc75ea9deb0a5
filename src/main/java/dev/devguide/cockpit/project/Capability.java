package dev.devguide.cockpit.project;

import java.time.Instant;

/** A row of {@code capabilities}: a permission of a module, granted or revoked. */
public record Capability(String id, String moduleId, String capabilityType, boolean granted, Instant grantedAt,
		Instant revokedAt, String justification) {
}

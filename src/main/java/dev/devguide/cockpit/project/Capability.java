package dev.devguide.cockpit.project;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of {@code capabilities}: a permission of a module, granted or revoked. */
public record Capability(String id, String moduleId, String capabilityType, boolean granted,
		@Nullable Instant grantedAt, @Nullable Instant revokedAt, @Nullable String justification) {
}

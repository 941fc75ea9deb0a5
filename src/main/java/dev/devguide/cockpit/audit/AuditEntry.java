package dev.devguide.cockpit.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code audit_logs}: who did what to which resource, in which project, with
 * what outcome. {@code ipAddress} and {@code userAgent} are null where the reader may not
 * see them (another actor's, for a user).
 */
public record AuditEntry(long id, Instant timestamp, String userId, String action, String resourceType,
		@Nullable String resourceId, @Nullable String projectId, String status, @Nullable Object metadata,
		@Nullable String ipAddress, @Nullable String userAgent) {

	/** This row without where it came from. */
	AuditEntry withoutOrigin() {
		return new AuditEntry(id, timestamp, userId, action, resourceType, resourceId, projectId, status, metadata,
				null, null);
	}

}

package dev.devguide.cockpit.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The conditions of the auditLog connection; null means any. {@code from} is inclusive,
 * {@code to} exclusive. {@code reader} limits the rows to that user's own actions and the
 * rows of the projects the user owns (null for admins: every row).
 */
record AuditFilter(@Nullable String projectId, @Nullable String userId, @Nullable String action,
		@Nullable String resourceType, @Nullable String resourceId, @Nullable String status, @Nullable Instant from,
		@Nullable Instant to, @Nullable String reader) {
}

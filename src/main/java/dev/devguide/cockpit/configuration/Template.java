package dev.devguide.cockpit.configuration;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code templates}: a system-wide workflow, dashboard or module template.
 * {@code createdAt} is null only in a row not yet inserted (the database sets it).
 */
public record Template(String id, String name, String category, @Nullable String description, Object specification,
		@Nullable String createdBy, boolean communityApproved, int downloadCount, @Nullable Instant createdAt) {
}

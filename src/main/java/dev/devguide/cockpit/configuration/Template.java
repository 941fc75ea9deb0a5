package dev.devguide.cockpit.configuration;

import java.time.Instant;

/** A row of {@code templates}: a system-wide workflow, dashboard or module template. */
public record Template(String id, String name, String category, String description, Object specification,
		String createdBy, boolean communityApproved, int downloadCount, Instant createdAt) {
}

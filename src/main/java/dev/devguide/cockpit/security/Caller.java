package dev.devguide.cockpit.security;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The authenticated user behind a request: subject, roles, and where the request came
 * from (for audit).
 */
public record Caller(String userId, Set<String> roles, @Nullable String ipAddress, @Nullable String userAgent) {

	public static final String ADMIN = "admin";

	public static final String USER = "user";

	/** The AI gateway's role: records usage for any project, reads nothing. */
	public static final String INGEST = "ingest";

	/**
	 * The personas of the migration programme (DB Team Lead, Layer Guardians, Test
	 * Sentinel): read the programme and do its day-to-day writes. Approvals stay with
	 * admins (the Architect).
	 */
	public static final String MIGRATION = "migration";

	public boolean admin() {
		return roles.contains(ADMIN);
	}

	/** True when the caller holds the ingest role (with or without others). */
	public boolean ingest() {
		return roles.contains(INGEST);
	}

	/** True when the caller may read the migration programme: an admin or a persona. */
	public boolean migrationPersona() {
		return admin() || roles.contains(MIGRATION);
	}

	/**
	 * True for a service: the ingest role and neither {@code user} nor {@code admin}. A
	 * service may call only the root fields that admit services.
	 */
	public boolean service() {
		return ingest() && !admin() && !roles.contains(USER);
	}

	/**
	 * True when this caller may read or change a project owned by {@code ownerUserId}.
	 */
	public boolean owns(String ownerUserId) {
		return admin() || userId.equals(ownerUserId);
	}

}

package dev.devguide.cockpit.security;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The authenticated user behind a request: subject, roles, and where the request came
 * from (for audit).
 */
public record Caller(String userId, Set<String> roles, @Nullable String ipAddress, @Nullable String userAgent) {

	public static final String ADMIN = "admin";

	public boolean admin() {
		return roles.contains(ADMIN);
	}

	/**
	 * True when this caller may read or change a project owned by {@code ownerUserId}.
	 */
	public boolean owns(String ownerUserId) {
		return admin() || userId.equals(ownerUserId);
	}

}

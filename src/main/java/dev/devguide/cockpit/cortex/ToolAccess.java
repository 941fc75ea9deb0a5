package dev.devguide.cockpit.cortex;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code external_tool_access} without its sealed tokens: a project's grant of a
 * tool, its access type, whether it is enabled, when it expires (the OAuth token's
 * expiry) and was last used, the OAuth scopes, and what may be shown of the tokens
 * (whether each is set, the key-ring key id that sealed them, when they were set).
 */
public record ToolAccess(String id, String projectId, String toolId, String accessType, boolean enabled,
		@Nullable Instant lastAccessedAt, @Nullable Instant expiresAt, List<String> scopes, boolean hasAccessToken,
		boolean hasRefreshToken, @Nullable String tokenKeyId, @Nullable Instant tokensSetAt) {

	static final String TABLE = "external_tool_access";

	static final String ACTIVE = "ACTIVE";

	static final String EXPIRED = "EXPIRED";

	static final String DISABLED = "DISABLED";

	/**
	 * DISABLED when switched off, else EXPIRED from its expiry on, else ACTIVE.
	 */
	String status(Instant now) {
		if (!enabled) {
			return DISABLED;
		}
		return expiresAt != null && !expiresAt.isAfter(now) ? EXPIRED : ACTIVE;
	}

}

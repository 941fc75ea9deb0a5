package dev.devguide.cockpit.cortex;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code cached_responses}: a provider's response to a prompt, found by
 * {@code promptHash} ({@link CachedResponseHash}). {@code prompt} is null in what a
 * non-admin is shown; {@code createdBy} (an addition to the spec) says who may replace
 * the entry and is never shown.
 */
public record CachedResponse(String id, String promptHash, @Nullable String prompt, Object response, String provider,
		Instant createdAt, int hitCount, @Nullable String createdBy) {

	/**
	 * This entry as {@code admin} or not may see it: without the prompt for non-admins.
	 */
	CachedResponse visibleTo(boolean admin) {
		return admin ? this : new CachedResponse(id, promptHash, null, response, provider, createdAt, hitCount, null);
	}

}

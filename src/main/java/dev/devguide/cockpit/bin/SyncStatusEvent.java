package dev.devguide.cockpit.bin;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A SYNC_STATUS_CHANGED outbox event as a subscription delivers it: the cursor, the
 * change right after the event, the previous and new status, and when.
 */
record SyncStatusEvent(String cursor, SyncChange change, @Nullable String previousStatus, String newStatus,
		Instant at) {
}

package dev.devguide.cockpit.monitoring;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code clock_sync_status}: one reading of a component's clock. The status is
 * derived from the reading ({@link ClockSyncStatus#of}), never sent.
 */
public record ClockSync(String id, String componentName, String protocol, @Nullable Integer stratum,
		long offsetMicroseconds, Instant lastSyncAt, String status, @Nullable String errorMessage) {
}

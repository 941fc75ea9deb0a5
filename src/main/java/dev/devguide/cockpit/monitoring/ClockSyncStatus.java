package dev.devguide.cockpit.monitoring;

import org.jspecify.annotations.Nullable;

/**
 * How a clock reading's status is derived: an error message makes it {@code error}, an
 * offset of 10 ms or more either way {@code drifting} (the spec's drift target is under
 * 10 ms), anything else {@code synchronized}.
 */
final class ClockSyncStatus {

	/** The drift limit: 10 ms, in microseconds. */
	static final long DRIFT_LIMIT_MICROS = 10_000;

	static final String SYNCHRONIZED = "synchronized";

	static final String DRIFTING = "drifting";

	static final String ERROR = "error";

	private ClockSyncStatus() {
	}

	static String of(long offsetMicroseconds, @Nullable String errorMessage) {
		if (errorMessage != null) {
			return ERROR;
		}
		if (offsetMicroseconds >= DRIFT_LIMIT_MICROS || offsetMicroseconds <= -DRIFT_LIMIT_MICROS) {
			return DRIFTING;
		}
		return SYNCHRONIZED;
	}

}

package dev.devguide.cockpit.monitoring;

import org.jspecify.annotations.Nullable;

/**
 * A change of a component's derived clock status: its latest reading's status differs
 * from the one before the write ({@code previousStatus} null: the component's first
 * reading). {@code cursor} resumes after it.
 */
public record ClockDriftEvent(String cursor, String componentName, @Nullable String previousStatus, String status,
		ClockSync reading) {
}

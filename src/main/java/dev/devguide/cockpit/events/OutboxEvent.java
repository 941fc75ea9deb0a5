package dev.devguide.cockpit.events;

import java.time.Instant;
import java.util.Map;

/**
 * One committed event of a project: its gap-free per-project {@code sequence} (the
 * subscription cursor), its type, and its payload as JSON values (a snapshot of what
 * changed, so subscribers need no further reads).
 */
public record OutboxEvent(String projectId, long sequence, String type, Map<String, Object> payload,
		Instant createdAt) {

	/**
	 * The subscription cursor of this event: pass it as {@code after} to resume after it.
	 */
	public String cursor() {
		return Long.toString(sequence);
	}

}

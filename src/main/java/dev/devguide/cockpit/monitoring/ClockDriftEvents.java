package dev.devguide.cockpit.monitoring;

import dev.devguide.cockpit.events.OutboxEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How clock status changes travel through the per-project outbox. They belong to no
 * project, so they use a reserved pseudo-project key, {@link #STREAM}, as their
 * {@code event_outbox.project_id} and {@code event_sequences.project_id}: project ids are
 * UUIDs the server makes, so no project can have it. Everything else is a project's
 * stream: one gap-free sequence in commit order (writers take the {@code event_sequences}
 * row lock of the key first), read by every instance's tailer, resumable with
 * {@code after} within the retention period.
 */
final class ClockDriftEvents {

	/** The reserved stream key of system-wide clock events (not a project id). */
	static final String STREAM = "@system:clock-sync";

	static final String TYPE = "clock.status_changed";

	private ClockDriftEvents() {
	}

	/** The outbox payload of a change: a snapshot, so that subscribers read nothing. */
	static Map<String, @Nullable Object> payload(@Nullable String previousStatus, ClockSync reading) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("id", reading.id());
		row.put("componentName", reading.componentName());
		row.put("protocol", reading.protocol());
		row.put("stratum", reading.stratum());
		row.put("offsetMicroseconds", reading.offsetMicroseconds());
		row.put("lastSyncAt", reading.lastSyncAt().toString());
		row.put("status", reading.status());
		row.put("errorMessage", reading.errorMessage());
		Map<String, @Nullable Object> payload = new LinkedHashMap<>();
		payload.put("componentName", reading.componentName());
		payload.put("previousStatus", previousStatus);
		payload.put("status", reading.status());
		payload.put("reading", row);
		return payload;
	}

	/** The event an outbox row of {@link #TYPE} describes. */
	static ClockDriftEvent event(OutboxEvent event) {
		Map<String, Object> payload = event.payload();
		Map<?, ?> row = (Map<?, ?>) carried(payload, "reading");
		Object stratum = row.get("stratum");
		ClockSync reading = new ClockSync((String) carried(row, "id"), (String) carried(row, "componentName"),
				(String) carried(row, "protocol"), stratum == null ? null : ((Number) stratum).intValue(),
				((Number) carried(row, "offsetMicroseconds")).longValue(),
				Instant.parse((String) carried(row, "lastSyncAt")), (String) carried(row, "status"),
				(String) row.get("errorMessage"));
		return new ClockDriftEvent(event.cursor(), reading.componentName(), (String) payload.get("previousStatus"),
				reading.status(), reading);
	}

	private static Object carried(Map<?, ?> payload, String key) {
		return Objects.requireNonNull(payload.get(key), () -> "a clock event carries " + key);
	}

}

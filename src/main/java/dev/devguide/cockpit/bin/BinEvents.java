package dev.devguide.cockpit.bin;

import dev.devguide.cockpit.events.EventOutbox;
import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.governance.MetadataStandard;
import dev.devguide.cockpit.governance.MetadataViolation;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The Bin's outbox events, appended in the transaction of the change they describe. Each
 * payload is a full snapshot (the row after the change, timestamps as UTC ...Z text), so
 * that subscribers build their GraphQL values from the event alone, without a read.
 */
@Component
class BinEvents {

	static final String SYNC_STATUS_CHANGED = "SYNC_STATUS_CHANGED";

	static final String VIOLATION_DETECTED = "VIOLATION_DETECTED";

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final EventOutbox outbox;

	private final JsonColumns json;

	BinEvents(EventOutbox outbox, JsonColumns json) {
		this.outbox = outbox;
		this.json = json;
	}

	/**
	 * A status change of {@code change} (its row after the change) from {@code previous}.
	 */
	Mono<Long> statusChanged(SyncChange change, @Nullable String previous, Instant at) {
		Map<String, Object> payload = new HashMap<>();
		payload.put("change", changeJson(change));
		payload.put("previousStatus", previous);
		payload.put("newStatus", change.status());
		payload.put("at", text(at));
		return outbox.append(change.projectId(), SYNC_STATUS_CHANGED, payload);
	}

	/** A violation just stored, with its standard's id and enforcement level. */
	Mono<Long> violationDetected(MetadataViolation violation, MetadataStandard standard) {
		Map<String, Object> payload = new HashMap<>();
		payload.put("violation", violationJson(violation));
		payload.put("standardId", standard.id());
		payload.put("enforcementLevel", standard.enforcementLevel());
		// the Bin's violations carry the project of their change
		return outbox.append(Objects.requireNonNull(violation.projectId()), VIOLATION_DETECTED, payload);
	}

	/**
	 * The change as an event carries it. Its payload goes as JSON text: nested in the
	 * event's envelope, the deepest payload the API accepts would be deeper than MariaDB
	 * stores in a JSON column.
	 */
	Map<String, Object> changeJson(SyncChange change) {
		Map<String, Object> json = new HashMap<>();
		json.put("id", change.id());
		json.put("projectId", change.projectId());
		json.put("changeType", change.changeType());
		json.put("sourceModuleId", change.sourceModuleId());
		json.put("payloadText", this.json.write(change.payload()));
		json.put("status", change.status());
		json.put("validationResults", change.validationResults());
		json.put("impactAnalysis", change.impactAnalysis());
		json.put("createdAt", text(change.createdAt()));
		json.put("validatedAt", text(change.validatedAt()));
		json.put("propagatedAt", text(change.propagatedAt()));
		return json;
	}

	/**
	 * The change an event carries; events written before the payload went as text carry
	 * it as a JSON value.
	 */
	SyncChange change(Map<?, ?> json) {
		Object payload = json.containsKey("payloadText") ? this.json.parse((String) carried(json, "payloadText"))
				: json.get("payload");
		return new SyncChange((String) carried(json, "id"), (String) carried(json, "projectId"),
				(String) carried(json, "changeType"), (String) json.get("sourceModuleId"),
				Objects.requireNonNull(payload, "payload"), (String) carried(json, "status"),
				json.get("validationResults"), json.get("impactAnalysis"), instant(carried(json, "createdAt")),
				instant(json.get("validatedAt")), instant(json.get("propagatedAt")));
	}

	static Map<String, Object> violationJson(MetadataViolation violation) {
		Map<String, Object> json = new HashMap<>();
		json.put("id", violation.id());
		json.put("standardId", violation.standardId());
		json.put("resourceType", violation.resourceType());
		json.put("resourceId", violation.resourceId());
		json.put("violationValue", violation.violationValue());
		json.put("suggestedFix", violation.suggestedFix());
		json.put("status", violation.status());
		json.put("detectedAt", text(violation.detectedAt()));
		json.put("resolvedAt", text(violation.resolvedAt()));
		json.put("resolvedBy", violation.resolvedBy());
		json.put("projectId", violation.projectId());
		return json;
	}

	static MetadataViolation violation(Map<?, ?> json) {
		return new MetadataViolation((String) carried(json, "id"), (String) carried(json, "standardId"),
				(String) carried(json, "resourceType"), (String) carried(json, "resourceId"),
				(String) json.get("violationValue"), (String) json.get("suggestedFix"),
				(String) carried(json, "status"), instant(json.get("detectedAt")), instant(json.get("resolvedAt")),
				(String) json.get("resolvedBy"), (String) json.get("projectId"));
	}

	/**
	 * A value that every event of its type carries: this class writes it from a NOT NULL
	 * column (or, in the envelope, from a value that is always set).
	 */
	static Object carried(Map<?, ?> json, String key) {
		return Objects.requireNonNull(json.get(key), key);
	}

	@Contract("null -> null; !null -> !null")
	static @Nullable String text(@Nullable Instant instant) {
		return instant == null ? null : UTC.format(instant.truncatedTo(ChronoUnit.MICROS));
	}

	@Contract("null -> null; !null -> !null")
	static @Nullable Instant instant(@Nullable Object text) {
		return text == null ? null : Instant.parse((String) text);
	}

}

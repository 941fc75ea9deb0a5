package dev.devguide.cockpit.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one audited mutation records in {@code audit_logs}: the action, the resource it
 * acts on, and metadata. The same facts make the success row and, when the mutation is
 * refused, the failure row.
 */
public record AuditFacts(String action, String resourceType, @Nullable String resourceId,
		Map<String, @Nullable Object> metadata) {

	public AuditFacts {
		metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
	}

	/** {@code action} on the resource {@code resourceType} {@code resourceId}. */
	public static AuditFacts of(String action, String resourceType, @Nullable String resourceId) {
		return new AuditFacts(action, resourceType, resourceId, Map.of());
	}

	/** These facts with one more metadata entry (null values are kept, as JSON null). */
	public AuditFacts with(String key, @Nullable Object value) {
		Map<String, @Nullable Object> more = new LinkedHashMap<>(metadata);
		more.put(key, value);
		return new AuditFacts(action, resourceType, resourceId, more);
	}

	/** These facts about another resource id (one the mutation created or found). */
	public AuditFacts about(String otherResourceId) {
		return new AuditFacts(action, resourceType, otherResourceId, metadata);
	}

}

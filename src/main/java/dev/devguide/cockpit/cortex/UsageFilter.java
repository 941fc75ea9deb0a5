package dev.devguide.cockpit.cortex;

import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.persistence.SqlConditions;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a listing of raw usage rows keeps: a time range ({@code [from, to)}, either end
 * open) and exact provider, model and operation type.
 */
record UsageFilter(@Nullable Instant from, @Nullable Instant to, @Nullable String provider, @Nullable String model,
		@Nullable String operationType) {

	/**
	 * True when the filter holds a condition no index of a project's rows serves (model,
	 * operation type): a scan, better done by a columnar replica.
	 */
	boolean adHoc() {
		return model != null || operationType != null;
	}

	SqlConditions conditions() {
		return new SqlConditions().optional("`timestamp` >= :from", "from", Rows.utc(from))
			.optional("`timestamp` < :to", "to", Rows.utc(to))
			.optional("provider = :provider", "provider", provider)
			.optional("model = :model", "model", model)
			.optional("operation_type = :operation", "operation", operationType);
	}

}

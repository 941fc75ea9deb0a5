package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.TokenUsageInputs.DASHBOARD_CONTEXT;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.INPUT_TOKENS;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.MODEL;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.OPERATION_TYPE;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.OUTPUT_TOKENS;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.PROJECT_ID;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.PROVIDER;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.TIMESTAMP;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.TOTAL_COST;

import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One checked entry of a {@code recordTokenUsage} batch, with the path its fields are
 * named by in errors ({@code input.entries[3]}) and its timestamp as sent (null: now).
 */
record UsageEntry(String path, String projectId, String provider, String model, int inputTokens, int outputTokens,
		@Nullable BigDecimal totalCost, @Nullable String operationType, @Nullable String dashboardContext,
		@Nullable Instant timestamp) {

	/** The earliest moment a TIMESTAMP column holds. */
	private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:01Z");

	/**
	 * Reads and checks one entry; a timestamp later than {@code now} plus
	 * {@code allowance} is refused.
	 */
	static UsageEntry read(Input entry, String path, Instant now, Duration allowance) {
		Instant timestamp = entry.optional(TIMESTAMP);
		if (timestamp != null && timestamp.isAfter(now.plus(allowance))) {
			throw ApiException.badRequest(path + "." + TIMESTAMP.name(),
					"must be at most " + allowance.toMinutes() + " minutes in the future");
		}
		if (timestamp != null && timestamp.isBefore(EARLIEST)) {
			throw ApiException.badRequest(path + "." + TIMESTAMP.name(), "must be after " + EARLIEST);
		}
		return new UsageEntry(path, entry.required(PROJECT_ID), entry.required(PROVIDER), entry.required(MODEL),
				entry.required(INPUT_TOKENS), entry.required(OUTPUT_TOKENS), entry.optional(TOTAL_COST),
				entry.optional(OPERATION_TYPE), entry.optional(DASHBOARD_CONTEXT),
				timestamp == null ? null : timestamp.truncatedTo(ChronoUnit.MICROS));
	}

	String field(String name) {
		return path + "." + name;
	}

	/** When the call was made: as sent, or {@code now}. */
	Instant at(Instant now) {
		return timestamp == null ? now : timestamp;
	}

	/**
	 * The entry as one line of the text an idempotency key's request hash is taken of:
	 * every field as sent, a unit separator between them.
	 */
	String canonical() {
		return String.join("\u001f", projectId, provider, model, Integer.toString(inputTokens),
				Integer.toString(outputTokens), totalCost == null ? "-" : totalCost.toPlainString(),
				Objects.toString(operationType, "-"), Objects.toString(dashboardContext, "-"),
				timestamp == null ? "-" : timestamp.toString());
	}

}

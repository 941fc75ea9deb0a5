package dev.devguide.cockpit.cortex;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of {@code token_usage}: one AI call's tokens and cost. */
public record TokenUsage(String id, String projectId, String provider, String model, int inputTokens, int outputTokens,
		BigDecimal totalCost, @Nullable String operationType, @Nullable String dashboardContext, Instant timestamp) {

	public long totalTokens() {
		return (long) inputTokens + outputTokens;
	}

}

package dev.devguide.cockpit.migration;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code v7_global_impacts}: one change's assessed impact across workflows and
 * layers, its risk (low, medium, high, critical), the personas who reviewed it and its
 * approval. {@code phaseNumber} (an addition) is the phase it belongs to, if any. The
 * timestamps are null only in a row not yet inserted.
 */
public record GlobalImpact(String id, String changeType, Object changeDetail, List<String> affectedWorkflows,
		List<Integer> affectedLayers, String impactDescription, String riskAssessment,
		@Nullable String mitigationStrategy, List<String> reviewedByPersonas, String approvalStatus,
		@Nullable String implementationNotes, @Nullable Integer phaseNumber, @Nullable Instant createdAt,
		@Nullable Instant updatedAt) {

	public static final String PENDING = "pending";

	public static final String APPROVED = "approved";

}

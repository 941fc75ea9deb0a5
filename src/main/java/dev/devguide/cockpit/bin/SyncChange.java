package dev.devguide.cockpit.bin;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code sync_buffer}: a change submitted to the Bin, with its validation
 * results and impact analysis as JSON values, moving PENDING → VALIDATED or REJECTED, and
 * VALIDATED → PROPAGATED.
 */
public record SyncChange(String id, String projectId, String changeType, @Nullable String sourceModuleId,
		Object payload, String status, @Nullable Object validationResults, @Nullable Object impactAnalysis,
		Instant createdAt, @Nullable Instant validatedAt, @Nullable Instant propagatedAt) {

	public static final String PENDING = "PENDING";

	public static final String VALIDATED = "VALIDATED";

	public static final String REJECTED = "REJECTED";

	public static final String PROPAGATED = "PROPAGATED";

}

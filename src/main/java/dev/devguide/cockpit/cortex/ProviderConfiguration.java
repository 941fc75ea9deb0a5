package dev.devguide.cockpit.cortex;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code api_configurations} without its sealed key: a project's AI provider,
 * model and sampling settings, its place in the fallback order ({@code priority}, lowest
 * first), and what may be shown of the key (its key-ring key id, last four characters and
 * when it was set). The timestamps are null only in a row not yet inserted.
 */
public record ProviderConfiguration(String id, String projectId, String provider, String model,
		@Nullable BigDecimal temperature, @Nullable Integer maxTokens, boolean enabled, @Nullable Integer priority,
		@Nullable String apiKeyId, @Nullable String apiKeyLast4, @Nullable Instant apiKeySetAt,
		@Nullable Instant createdAt, @Nullable Instant updatedAt) {

	/** The table, and the column of the sealed key (bound into each sealed value). */
	static final String TABLE = "api_configurations";

	static final String KEY_COLUMN = "api_key_encrypted";

}

package dev.devguide.cockpit.cortex;

import java.time.Instant;
import java.util.List;

/**
 * A row of {@code context_windows}: a project's conversation, kept within
 * {@code maxTokens} by evicting its oldest messages. {@code currentTokens} is always the
 * sum of the kept messages' tokens. A row read for a narrow selection holds empty values
 * in the fields it did not select, which nothing reads.
 */
public record ContextWindow(String id, String projectId, List<ContextWindowMessage> messages, int currentTokens,
		int maxTokens, Instant lastMessageAt) {

	/** The spec's default of {@code max_tokens}. */
	public static final int DEFAULT_MAX_TOKENS = 200_000;

	/** The largest {@code max_tokens} a window may have. */
	public static final int MAX_TOKENS = 2_000_000;

}

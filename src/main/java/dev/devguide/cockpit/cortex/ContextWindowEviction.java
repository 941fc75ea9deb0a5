package dev.devguide.cockpit.cortex;

import dev.devguide.cockpit.graphql.ApiException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The rule of an append: the kept messages followed by the new ones, then the oldest
 * evicted, one at a time, until the window holds at most {@code maxTokens} tokens, at
 * most {@link #MAX_MESSAGES} messages and at most {@link #MAX_HISTORY_BYTES} of JSON. An
 * append whose new messages alone break a limit is refused (a BAD_REQUEST on
 * {@code messages}) rather than evicting part of itself: the caller would otherwise get
 * back a window that lost some of what it just sent, and a cut in the middle of one
 * append is never what a conversation wants.
 */
final class ContextWindowEviction {

	/** How many messages a window keeps at most, whatever their tokens. */
	static final int MAX_MESSAGES = 1_000;

	/**
	 * How large a window's history may grow, in bytes of its JSON: it is written whole at
	 * every append, and must stay well below the server's {@code max_allowed_packet} (16
	 * MiB on MariaDB, 64 MiB on MySQL 8.0 and TiDB).
	 */
	static final int MAX_HISTORY_BYTES = 4 * 1024 * 1024;

	private ContextWindowEviction() {
	}

	/** The messages kept, in order, and what the append evicted. */
	record Kept(List<ContextWindowMessage> messages, int tokens, int evicted, int evictedTokens) {
	}

	/**
	 * Appends {@code added} to {@code current} and evicts the oldest messages past the
	 * limits; {@code bytes} measures one message's JSON.
	 */
	static Kept append(List<ContextWindowMessage> current, List<ContextWindowMessage> added, int maxTokens,
			ToIntFunction<ContextWindowMessage> bytes) {
		long addedTokens = added.stream().mapToLong(ContextWindowMessage::tokens).sum();
		if (addedTokens > maxTokens) {
			throw ApiException.badRequest("messages",
					"hold " + addedTokens + " tokens, more than the window's maxTokens of " + maxTokens);
		}
		long addedBytes = added.stream().mapToLong(bytes::applyAsInt).sum();
		if (addedBytes > MAX_HISTORY_BYTES) {
			throw ApiException.badRequest("messages",
					"take " + addedBytes + " bytes of JSON, more than a window holds (" + MAX_HISTORY_BYTES + ")");
		}
		Deque<ContextWindowMessage> kept = new ArrayDeque<>(current);
		kept.addAll(added);
		long tokens = kept.stream().mapToLong(ContextWindowMessage::tokens).sum();
		long size = kept.stream().mapToLong(bytes::applyAsInt).sum();
		int evicted = 0;
		int evictedTokens = 0;
		while (tokens > maxTokens || kept.size() > MAX_MESSAGES || size > MAX_HISTORY_BYTES) {
			ContextWindowMessage oldest = kept.removeFirst();
			tokens -= oldest.tokens();
			size -= bytes.applyAsInt(oldest);
			evicted++;
			evictedTokens += oldest.tokens();
		}
		return new Kept(new ArrayList<>(kept), (int) tokens, evicted, evictedTokens);
	}

}

package dev.devguide.cockpit.cortex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devguide.cockpit.graphql.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The append rule: oldest evicted first, within tokens, messages and bytes. */
class ContextWindowEvictionTests {

	private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void keepsEverythingThatFits() {
		ContextWindowEviction.Kept kept = ContextWindowEviction.append(List.of(message("a", 3)),
				List.of(message("b", 3), message("c", 4)), 10, m -> 10);
		assertThat(contents(kept)).containsExactly("a", "b", "c");
		assertThat(kept.tokens()).isEqualTo(10);
		assertThat(kept.evicted()).isZero();
	}

	@Test
	void evictsTheOldestUntilTheTokensFit() {
		ContextWindowEviction.Kept kept = ContextWindowEviction
			.append(List.of(message("a", 3), message("b", 1), message("c", 2)), List.of(message("d", 5)), 7, m -> 10);
		assertThat(contents(kept)).containsExactly("c", "d");
		assertThat(kept.tokens()).isEqualTo(7);
		assertThat(kept.evicted()).isEqualTo(2);
		assertThat(kept.evictedTokens()).isEqualTo(4);
	}

	@Test
	void evictsPastTheMessageCountAndTheByteSizeToo() {
		List<ContextWindowMessage> current = new ArrayList<>();
		for (int i = 0; i < ContextWindowEviction.MAX_MESSAGES; i++) {
			current.add(message("m" + i, 1));
		}
		ContextWindowEviction.Kept byCount = ContextWindowEviction.append(current, List.of(message("new", 1)),
				1_000_000, m -> 1);
		assertThat(byCount.messages()).hasSize(ContextWindowEviction.MAX_MESSAGES);
		assertThat(byCount.evicted()).isEqualTo(1);
		assertThat(byCount.messages().get(0).content()).isEqualTo("m1");

		int half = ContextWindowEviction.MAX_HISTORY_BYTES / 2;
		ContextWindowEviction.Kept bySize = ContextWindowEviction.append(List.of(message("a", 1), message("b", 1)),
				List.of(message("c", 1)), 100, m -> half);
		assertThat(contents(bySize)).containsExactly("b", "c");
	}

	@Test
	void anAppendThatCannotFitAloneIsRefusedOnMessages() {
		assertThatThrownBy(
				() -> ContextWindowEviction.append(List.of(), List.of(message("a", 6), message("b", 5)), 10, m -> 1))
			.isInstanceOfSatisfying(ApiException.class, error -> assertThat(error.field()).isEqualTo("messages"))
			.hasMessageContaining("11 tokens");
		assertThatThrownBy(() -> ContextWindowEviction.append(List.of(), List.of(message("a", 1)), 10,
				m -> ContextWindowEviction.MAX_HISTORY_BYTES + 1))
			.isInstanceOfSatisfying(ApiException.class, error -> assertThat(error.field()).isEqualTo("messages"));
	}

	private static ContextWindowMessage message(String content, int tokens) {
		return new ContextWindowMessage("user", content, tokens, AT);
	}

	private static List<String> contents(ContextWindowEviction.Kept kept) {
		return kept.messages().stream().map(ContextWindowMessage::content).toList();
	}

}

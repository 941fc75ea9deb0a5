package dev.devguide.cockpit.cortex;

import java.math.BigDecimal;
import java.util.List;

/**
 * What {@code recordTokenUsage} answers: the ids of the rows written (in the order of the
 * entries), their sums, and whether this is the stored answer of an earlier call with the
 * same idempotency key.
 */
public record RecordedUsage(List<String> ids, long inputTokens, long outputTokens, BigDecimal totalCost,
		boolean replayed) {

	static RecordedUsage of(List<TokenUsage> rows) {
		long input = 0;
		long output = 0;
		BigDecimal cost = BigDecimal.ZERO.setScale(4);
		for (TokenUsage row : rows) {
			input += row.inputTokens();
			output += row.outputTokens();
			cost = cost.add(row.totalCost());
		}
		return new RecordedUsage(rows.stream().map(TokenUsage::id).toList(), input, output, cost, false);
	}

	public int recorded() {
		return ids.size();
	}

	RecordedUsage asReplay() {
		return new RecordedUsage(ids, inputTokens, outputTokens, totalCost, true);
	}

}

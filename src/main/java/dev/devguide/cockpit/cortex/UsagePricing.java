package dev.devguide.cockpit.cortex;

import dev.devguide.cockpit.graphql.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Costs entries sent without a cost from the price list: the newest price of the model
 * whose {@code effectiveFrom} is at or before the entry's timestamp, per million tokens,
 * rounded half up to the 4 decimals of {@code token_usage.total_cost}.
 */
final class UsagePricing {

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	/** The largest value of a DECIMAL(10,4) column. */
	private static final BigDecimal MAX_COST = new BigDecimal("999999.9999");

	private final Map<ModelPriceRepository.Model, List<ModelPrice>> prices;

	UsagePricing(List<ModelPrice> prices) {
		this.prices = prices.stream()
			.sorted(Comparator.comparing(ModelPrice::effectiveFrom).reversed())
			.collect(Collectors.groupingBy(price -> new ModelPriceRepository.Model(price.provider(), price.model())));
	}

	/** The entry's cost: as sent, or computed; a BAD_REQUEST naming its totalCost. */
	BigDecimal cost(UsageEntry entry, Instant at) {
		String field = entry.field(TokenUsageInputs.TOTAL_COST.name());
		BigDecimal sent = entry.totalCost();
		if (sent != null) {
			return sent;
		}
		ModelPrice price = prices
			.getOrDefault(new ModelPriceRepository.Model(entry.provider(), entry.model()), List.of())
			.stream()
			.filter(candidate -> !candidate.effectiveFrom().isAfter(at))
			.findFirst()
			.orElseThrow(() -> ApiException.badRequest(field, "no price of " + entry.provider() + " " + entry.model()
					+ " applies at " + at + "; send totalCost, or have an admin set one with setModelPrice"));
		BigDecimal cost = price.inputPerMillion()
			.multiply(BigDecimal.valueOf(entry.inputTokens()))
			.add(price.outputPerMillion().multiply(BigDecimal.valueOf(entry.outputTokens())))
			.divide(MILLION, 4, RoundingMode.HALF_UP);
		if (cost.compareTo(MAX_COST) > 0) {
			throw ApiException.badRequest(field, "the computed cost " + cost.toPlainString() + " exceeds " + MAX_COST);
		}
		return cost;
	}

}

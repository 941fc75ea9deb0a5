package dev.devguide.cockpit.cortex;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The price list: readable by every user, set by admins. Setting the price that already
 * starts at the same moment replaces its figures; entries already recorded keep the cost
 * they were given.
 */
@Service
public class ModelPriceService {

	private final ModelPriceRepository prices;

	private final AuditedTransactions transactions;

	ModelPriceService(ModelPriceRepository prices, AuditedTransactions transactions) {
		this.prices = prices;
		this.transactions = transactions;
	}

	Mono<List<ModelPrice>> list(@Nullable String provider, @Nullable String model) {
		return prices.list(provider, model).collectList();
	}

	Mono<ModelPrice> set(String provider, String model, BigDecimal inputPerMillion, BigDecimal outputPerMillion,
			Instant effectiveFrom) {
		Instant from = effectiveFrom.truncatedTo(ChronoUnit.MICROS);
		ModelPriceRepository.Model priced = new ModelPriceRepository.Model(provider, model);
		AuditFacts facts = AuditFacts.of("model_price.set", "model_price", null)
			.with("provider", provider)
			.with("model", model)
			.with("inputPerMillion", inputPerMillion.toPlainString())
			.with("outputPerMillion", outputPerMillion.toPlainString())
			.with("effectiveFrom", from.toString());
		return transactions.run(facts, caller -> {
			if (!caller.admin()) {
				return Mono.error(ApiException.forbidden("Only admins may set model prices"));
			}
			ModelPrice price = new ModelPrice(UUID.randomUUID().toString(), provider, model, inputPerMillion,
					outputPerMillion, from, Instant.now(), caller.userId());
			return prices.upsert(price).then(prices.find(priced, from));
		}, (done, price) -> done.about(price.id()));
	}

}

package dev.devguide.cockpit.cortex;

import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.persistence.SqlConditions;
import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code model_prices}. */
@Repository
class ModelPriceRepository {

	private static final String COLUMNS = """
			id, provider, model, input_per_million, output_per_million, effective_from, created_at, created_by""";

	/** A provider and one of its models. */
	record Model(String provider, String model) {
	}

	private final DatabaseClient db;

	ModelPriceRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Sets the price of a model from a moment on: a new row, or new figures for the price
	 * that already starts at that moment.
	 */
	Mono<Void> upsert(ModelPrice price) {
		return db.sql("""
				INSERT INTO model_prices (id, provider, model, input_per_million, output_per_million, effective_from,
				                          created_by)
				VALUES (:id, :provider, :model, :input, :output, :from, :by)
				ON DUPLICATE KEY UPDATE input_per_million = VALUES(input_per_million),
				    output_per_million = VALUES(output_per_million), created_by = VALUES(created_by)""")
			.bind("id", price.id())
			.bind("provider", price.provider())
			.bind("model", price.model())
			.bind("input", price.inputPerMillion())
			.bind("output", price.outputPerMillion())
			.bind("from", Rows.utc(price.effectiveFrom()))
			.bind("by", price.createdBy())
			.then();
	}

	Mono<ModelPrice> find(Model model, java.time.Instant effectiveFrom) {
		return db
			.sql("SELECT " + COLUMNS
					+ " FROM model_prices WHERE provider = :provider AND model = :model AND effective_from = :from")
			.bind("provider", model.provider())
			.bind("model", model.model())
			.bind("from", Rows.utc(effectiveFrom))
			.map(ModelPriceRepository::map)
			.one();
	}

	/** The price list, by provider and model, newest price first. */
	Flux<ModelPrice> list(@Nullable String provider, @Nullable String model) {
		SqlConditions where = new SqlConditions().optional("provider = :provider", "provider", provider)
			.optional("model = :model", "model", model);
		return where.bind(db.sql("SELECT " + COLUMNS + " FROM model_prices" + where.where()
				+ " ORDER BY provider, model, effective_from DESC"))
			.map(ModelPriceRepository::map)
			.all();
	}

	/** Every price, past and future, of the given models: one statement. */
	Flux<ModelPrice> pricesOf(Collection<Model> models) {
		List<Model> list = List.copyOf(models);
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM model_prices WHERE ");
		for (int i = 0; i < list.size(); i++) {
			sql.append(i == 0 ? "" : " OR ").append("(provider = :v%1$d AND model = :m%1$d)".formatted(i));
		}
		DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
		for (int i = 0; i < list.size(); i++) {
			spec = spec.bind("v" + i, list.get(i).provider()).bind("m" + i, list.get(i).model());
		}
		return spec.map(ModelPriceRepository::map).all();
	}

	private static ModelPrice map(Readable row) {
		return new ModelPrice(Rows.string(row, "id"), Rows.string(row, "provider"), Rows.string(row, "model"),
				Rows.decimal(row, "input_per_million"), Rows.decimal(row, "output_per_million"),
				Rows.instant(row, "effective_from"), Rows.instant(row, "created_at"), Rows.string(row, "created_by"));
	}

}

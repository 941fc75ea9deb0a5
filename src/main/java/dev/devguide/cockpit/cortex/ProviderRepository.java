package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.persistence.Rows.bool;
import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.instantOrNull;
import static dev.devguide.cockpit.persistence.Rows.integerOrNull;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.persistence.Rows;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for {@code api_configurations}. No read of the API selects
 * {@code api_key_encrypted}: only the key rotation reads sealed keys, and nothing here
 * returns a key in clear.
 */
@Repository
public class ProviderRepository {

	private static final String COLUMNS = """
			id, project_id, provider, model, temperature, max_tokens, enabled, priority, api_key_id, api_key_last4,
			api_key_set_at, created_at, updated_at""";

	/** Fallback order: lowest priority first, then by provider. */
	private static final String ORDER = " ORDER BY project_id, priority, provider, id";

	private final DatabaseClient db;

	public ProviderRepository(DatabaseClient db) {
		this.db = db;
	}

	public Mono<ProviderConfiguration> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM api_configurations WHERE id = :id")
			.bind("id", id)
			.map(ProviderRepository::map)
			.one();
	}

	/** The configurations of many projects in one statement, each in fallback order. */
	public Flux<ProviderConfiguration> findByProjectIds(Collection<String> projectIds) {
		return db.sql("SELECT " + COLUMNS + " FROM api_configurations WHERE project_id IN (:ids)" + ORDER)
			.bind("ids", projectIds)
			.map(ProviderRepository::map)
			.all();
	}

	/**
	 * True when another configuration than {@code id} of the project has this provider.
	 */
	public Mono<Boolean> providerTaken(String projectId, String provider, String id) {
		return db
			.sql("SELECT COUNT(*) AS taken FROM api_configurations WHERE project_id = :project "
					+ "AND provider = :provider AND id <> :id")
			.bind("project", projectId)
			.bind("provider", provider)
			.bind("id", id)
			.map(row -> Rows.longValue(row, "taken") > 0)
			.one();
	}

	public Mono<Void> insert(ProviderConfiguration config) {
		return settings(db.sql("""
				INSERT INTO api_configurations (id, project_id, provider, model, temperature, max_tokens, enabled,
				                                priority)
				VALUES (:id, :project, :provider, :model, :temperature, :maxTokens, :enabled, :priority)"""), config)
			.bind("project", config.projectId())
			.then();
	}

	public Mono<Void> update(ProviderConfiguration config) {
		return settings(db.sql("""
				UPDATE api_configurations SET provider = :provider, model = :model, temperature = :temperature,
				       max_tokens = :maxTokens, enabled = :enabled, priority = :priority
				WHERE id = :id"""), config).then();
	}

	/** Stores a sealed key, which key sealed it and its last four characters. */
	public Mono<Void> setKey(String id, byte[] sealed, String keyId, String last4) {
		return db.sql("""
				UPDATE api_configurations SET api_key_encrypted = :sealed, api_key_id = :keyId, api_key_last4 = :last4,
				       api_key_set_at = CURRENT_TIMESTAMP(6)
				WHERE id = :id""")
			.bind("sealed", sealed)
			.bind("keyId", keyId)
			.bind("last4", last4)
			.bind("id", id)
			.then();
	}

	public Mono<Void> clearKey(String id) {
		return db.sql("""
				UPDATE api_configurations SET api_key_encrypted = NULL, api_key_id = NULL, api_key_last4 = NULL,
				       api_key_set_at = CURRENT_TIMESTAMP(6)
				WHERE id = :id""").bind("id", id).then();
	}

	public Mono<Void> delete(String id) {
		return db.sql("DELETE FROM api_configurations WHERE id = :id").bind("id", id).then();
	}

	/**
	 * Up to {@code limit} rows whose key is sealed under another key than
	 * {@code primaryId}, by id, locked until the transaction ends.
	 */
	Flux<ProviderSealedRow> lockStale(String primaryId, int limit) {
		return db
			.sql("SELECT id, api_key_encrypted FROM api_configurations WHERE api_key_encrypted IS NOT NULL "
					+ "AND (api_key_id IS NULL OR api_key_id <> :primary) ORDER BY id LIMIT " + limit + " FOR UPDATE")
			.bind("primary", primaryId)
			// the selected column is NOT NULL by the condition
			.map(row -> new ProviderSealedRow(string(row, "id"),
					Objects.requireNonNull(row.get("api_key_encrypted", byte[].class))))
			.all();
	}

	/** How many rows still have a key sealed under another key than the primary. */
	Mono<Long> countStale(String primaryId) {
		return db
			.sql("SELECT COUNT(*) AS stale FROM api_configurations WHERE api_key_encrypted IS NOT NULL "
					+ "AND (api_key_id IS NULL OR api_key_id <> :primary)")
			.bind("primary", primaryId)
			.map(row -> Rows.longValue(row, "stale"))
			.one();
	}

	/** Replaces a row's sealed key with the same key sealed under {@code keyId}. */
	Mono<Void> reseal(String id, byte[] sealed, String keyId) {
		return db.sql("UPDATE api_configurations SET api_key_encrypted = :sealed, api_key_id = :keyId WHERE id = :id")
			.bind("sealed", sealed)
			.bind("keyId", keyId)
			.bind("id", id)
			.then();
	}

	private static DatabaseClient.GenericExecuteSpec settings(DatabaseClient.GenericExecuteSpec spec,
			ProviderConfiguration config) {
		return spec.bind("id", config.id())
			.bind("provider", config.provider())
			.bind("model", config.model())
			.bind("temperature", Parameter.fromOrEmpty(config.temperature(), BigDecimal.class))
			.bind("maxTokens", Parameter.fromOrEmpty(config.maxTokens(), Integer.class))
			.bind("enabled", config.enabled())
			.bind("priority", Parameter.fromOrEmpty(config.priority(), Integer.class));
	}

	static ProviderConfiguration map(Readable row) {
		return new ProviderConfiguration(string(row, "id"), string(row, "project_id"), string(row, "provider"),
				string(row, "model"), row.get("temperature", BigDecimal.class), integerOrNull(row, "max_tokens"),
				Boolean.TRUE.equals(bool(row, "enabled")), integerOrNull(row, "priority"),
				stringOrNull(row, "api_key_id"), stringOrNull(row, "api_key_last4"),
				instantOrNull(row, "api_key_set_at"), instant(row, "created_at"), instant(row, "updated_at"));
	}

}

package dev.devguide.cockpit.cortex;

import dev.devguide.cockpit.persistence.Rows;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for {@code usage_idempotency_keys}: a caller's key, the hash of the request it came
 * with and what the first call answered.
 */
@Repository
class UsageIdempotencyRepository {

	/** A stored key: the request's hash and the answer. */
	record StoredKey(String requestHash, RecordedUsage result) {
	}

	/** The answer as the {@code result} column holds it. */
	private record StoredResult(List<String> ids, long inputTokens, long outputTokens, BigDecimal totalCost) {
	}

	private final DatabaseClient db;

	private final JsonMapper json;

	UsageIdempotencyRepository(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * Claims the key within the current transaction. A concurrent call with the same key
	 * waits on the row lock and then fails on the primary key once this one commits (or
	 * claims the key itself, if this one rolls back).
	 */
	Mono<Void> claim(String callerId, String key, String requestHash, RecordedUsage result) {
		return db.sql("""
				INSERT INTO usage_idempotency_keys (caller_id, idempotency_key, request_hash, result)
				VALUES (:caller, :key, :hash, :result)""")
			.bind("caller", callerId)
			.bind("key", key)
			.bind("hash", requestHash)
			.bind("result",
					json.writeValueAsString(new StoredResult(result.ids(), result.inputTokens(), result.outputTokens(),
							result.totalCost())))
			.then();
	}

	Mono<StoredKey> find(String callerId, String key) {
		return db
			.sql("SELECT request_hash, result FROM usage_idempotency_keys WHERE caller_id = :caller "
					+ "AND idempotency_key = :key")
			.bind("caller", callerId)
			.bind("key", key)
			.map(row -> new StoredKey(Rows.string(row, "request_hash"), restored(Rows.string(row, "result"))))
			.one();
	}

	private RecordedUsage restored(String text) {
		StoredResult stored = json.readValue(text, StoredResult.class);
		return new RecordedUsage(stored.ids(), stored.inputTokens(), stored.outputTokens(), stored.totalCost(), true);
	}

	/**
	 * Deletes up to {@code limit} keys created before {@code cutoff}; returns how many.
	 */
	Mono<Long> deleteOlderThan(Instant cutoff, int limit) {
		return db.sql("DELETE FROM usage_idempotency_keys WHERE created_at < :cutoff LIMIT " + limit)
			.bind("cutoff", Rows.utc(cutoff))
			.fetch()
			.rowsUpdated();
	}

}

package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.persistence.SqlConditions;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code cached_responses}. */
@Repository
public class CachedResponseRepository {

	private static final String COLUMNS = """
			c.id, c.prompt_hash, c.prompt, c.response, c.provider, c.created_at, c.hit_count, c.created_by""";

	private final DatabaseClient db;

	private final JsonColumns json;

	public CachedResponseRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * Counts one hit, atomically ({@code hit_count + 1} in the database, under the row's
	 * lock); 0 rows when nothing is cached under the hash.
	 */
	public Mono<Long> hit(String hash) {
		return db.sql("UPDATE cached_responses SET hit_count = COALESCE(hit_count, 0) + 1 WHERE prompt_hash = :hash")
			.bind("hash", hash)
			.fetch()
			.rowsUpdated();
	}

	public Mono<CachedResponse> findByHash(String hash) {
		return db.sql("SELECT " + COLUMNS + " FROM cached_responses c WHERE c.prompt_hash = :hash")
			.bind("hash", hash)
			.map(this::read)
			.one();
	}

	/**
	 * Inserts the entry unless one with the same hash exists; that one is then locked
	 * instead (the no-op update takes its lock), so concurrent stores of one prompt
	 * neither fail on the unique key nor both insert.
	 */
	public Mono<Void> insertIfAbsent(String id, String hash, String prompt, Map<String, Object> response,
			String provider, String createdBy) {
		return db.sql("""
				INSERT INTO cached_responses (id, prompt_hash, prompt, response, provider, hit_count, created_by)
				VALUES (:id, :hash, :prompt, :response, :provider, 0, :by)
				ON DUPLICATE KEY UPDATE id = id""")
			.bind("id", id)
			.bind("hash", hash)
			.bind("prompt", prompt)
			.bind("response", json.write(response))
			.bind("provider", provider)
			.bind("by", createdBy)
			.then();
	}

	/**
	 * The id and author of the entry under the hash, locked until the transaction ends.
	 */
	public Mono<Author> lockByHash(String hash) {
		return db.sql("SELECT id, created_by FROM cached_responses WHERE prompt_hash = :hash FOR UPDATE")
			.bind("hash", hash)
			.map(row -> new Author(string(row, "id"), stringOrNull(row, "created_by")))
			.one();
	}

	/** An entry's id and who stored it (null: written past the API). */
	public record Author(String id, @Nullable String createdBy) {
	}

	/** A new response for an entry: it starts again (created now, no hits). */
	public Mono<Void> replace(String id, Map<String, Object> response, String createdBy) {
		return db.sql("""
				UPDATE cached_responses
				SET response = :response, created_by = :by, created_at = CURRENT_TIMESTAMP(6), hit_count = 0
				WHERE id = :id""").bind("response", json.write(response)).bind("by", createdBy).bind("id", id).then();
	}

	/**
	 * Up to {@code limit} entries, of one provider or all, newest first (created_at DESC,
	 * id DESC), after a position.
	 */
	public Flux<CachedResponse> page(@Nullable String provider, Cursors.@Nullable Position after, int limit) {
		SqlConditions where = new SqlConditions().optional("c.provider = :provider", "provider", provider);
		if (after != null) {
			where.add("(c.created_at < :afterTime OR (c.created_at = :afterTime AND c.id < :afterId))")
				.parameter("afterTime", Rows.utc(after.time()))
				.parameter("afterId", after.id());
		}
		String sql = "SELECT " + COLUMNS + " FROM cached_responses c" + where.where()
				+ " ORDER BY c.created_at DESC, c.id DESC LIMIT " + limit;
		return where.bind(db.sql(sql)).map(this::read).all();
	}

	public Mono<Long> count(@Nullable String provider) {
		SqlConditions where = new SqlConditions().optional("c.provider = :provider", "provider", provider);
		return where.bind(db.sql("SELECT COUNT(*) AS total FROM cached_responses c" + where.where()))
			.map(row -> Rows.longValue(row, "total"))
			.one();
	}

	/** Removes the entries created before {@code olderThan}; how many. */
	public Mono<Long> evict(Instant olderThan) {
		return db.sql("DELETE FROM cached_responses WHERE created_at < :before")
			.bind("before", Rows.utc(olderThan))
			.fetch()
			.rowsUpdated();
	}

	private CachedResponse read(Readable row) {
		Integer hits = Rows.integerOrNull(row, "hit_count");
		return new CachedResponse(string(row, "id"), string(row, "prompt_hash"), string(row, "prompt"),
				json.read(row, "response"), string(row, "provider"), instant(row, "created_at"),
				hits == null ? 0 : hits, stringOrNull(row, "created_by"));
	}

}

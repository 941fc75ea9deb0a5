package dev.devguide.cockpit.cortex;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether reads of raw {@code token_usage} rows may carry TiFlash hints: only on TiDB,
 * and only while the server sees an available TiFlash replica of the table
 * ({@code information_schema.tiflash_replica}; {@code 900-tidb.sql} declares one when the
 * cluster has a TiFlash store). Without a replica a hint would make TiDB fail the query,
 * so the answer is checked again every {@link #RECHECK}. On MariaDB and MySQL it is known
 * once and never asked again.
 */
@Component
class TiFlashReplicas {

	static final Duration RECHECK = Duration.ofMinutes(5);

	/** The hint that sends a read of token_usage to its TiFlash replica. */
	static final String HINT = "/*+ READ_FROM_STORAGE(TIFLASH[token_usage]) */ ";

	/** A known answer and until when it holds (null: for good). */
	private record Known(boolean available, @Nullable Instant until) {
	}

	private final DatabaseClient db;

	private final AtomicReference<@Nullable Known> known = new AtomicReference<>();

	TiFlashReplicas(DatabaseClient db) {
		this.db = db;
	}

	/** True when token_usage has an available TiFlash replica. */
	Mono<Boolean> tokenUsage() {
		Known current = known.get();
		if (current != null && (current.until() == null || Instant.now().isBefore(current.until()))) {
			return Mono.just(current.available());
		}
		return db.sql("SELECT VERSION() AS version")
			.map(row -> String.valueOf(row.get("version", String.class)))
			.one()
			.flatMap(version -> version.contains("TiDB") ? replica() : Mono.just(new Known(false, null)))
			.onErrorResume(error -> Mono.just(new Known(false, Instant.now().plus(RECHECK))))
			.doOnNext(known::set)
			.map(Known::available);
	}

	private Mono<Known> replica() {
		return db
			.sql("SELECT COUNT(*) AS replicas FROM information_schema.tiflash_replica "
					+ "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'token_usage' AND AVAILABLE = 1")
			.map(row -> {
				Number replicas = row.get("replicas", Number.class);
				return replicas != null && replicas.longValue() > 0;
			})
			.one()
			.map(available -> new Known(available, Instant.now().plus(RECHECK)));
	}

}

package dev.devguide.cockpit.monitoring;

import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.integerOrNull;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.persistence.MultiRowInsert;
import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.persistence.SqlConditions;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for {@code clock_sync_status}: one multi-row insert per batch, the latest reading
 * of each component (one statement on {@code idx_component_last_sync}) and a history
 * newest first.
 */
@Repository
class ClockSyncRepository {

	private static final String COLUMNS = "id, component_name, protocol, stratum, offset_microseconds, last_sync_at, "
			+ "status, error_message";

	private final DatabaseClient db;

	ClockSyncRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Inserts the readings with one statement. */
	Mono<Void> insert(List<ClockSync> rows) {
		return MultiRowInsert.of(db, "clock_sync_status", COLUMNS, rows, row -> List.of(row.id(), row.componentName(),
				row.protocol(), Parameter.fromOrEmpty(row.stratum(), Integer.class), row.offsetMicroseconds(),
				Rows.utc(row.lastSyncAt()), row.status(), Parameter.fromOrEmpty(row.errorMessage(), String.class)), "")
			.then();
	}

	/**
	 * The latest reading of each component (of the given ones; null: of all), by
	 * component name: the greatest last_sync_at, and among readings at the same moment
	 * the greatest id. One statement: the derived table is a loose index scan of
	 * {@code idx_component_last_sync} (one index dive per component on MariaDB and
	 * MySQL), and the join reads the readings at that moment by the same index.
	 */
	Mono<List<ClockSync>> latest(@Nullable Collection<String> components) {
		String only = components == null ? "" : " WHERE component_name IN (:components)";
		DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT " + prefixed("c") + " FROM clock_sync_status c"
				+ " JOIN (SELECT component_name, MAX(last_sync_at) AS last_sync_at FROM clock_sync_status" + only
				+ " GROUP BY component_name) m ON m.component_name = c.component_name"
				+ " AND m.last_sync_at = c.last_sync_at ORDER BY c.component_name, c.id DESC");
		if (components != null) {
			spec = spec.bind("components", components);
		}
		return spec.map(ClockSyncRepository::map).all().collectList().map(rows -> {
			Map<String, ClockSync> first = new LinkedHashMap<>();
			rows.forEach(row -> first.putIfAbsent(row.componentName(), row));
			return new ArrayList<>(first.values());
		});
	}

	/**
	 * Up to {@code limit} readings matching the filters, newest first (last_sync_at DESC,
	 * id DESC), after a position.
	 */
	Flux<ClockSync> page(@Nullable String component, @Nullable Instant from, @Nullable Instant to,
			Cursors.@Nullable Position after, int limit) {
		SqlConditions where = conditions(component, from, to);
		if (after != null) {
			where.add("(last_sync_at < :afterTime OR (last_sync_at = :afterTime AND id < :afterId))")
				.parameter("afterTime", Rows.utc(after.time()))
				.parameter("afterId", after.id());
		}
		return where.bind(db.sql("SELECT " + COLUMNS + " FROM clock_sync_status" + where.where()
				+ " ORDER BY last_sync_at DESC, id DESC LIMIT " + limit))
			.map(ClockSyncRepository::map)
			.all();
	}

	Mono<Long> count(@Nullable String component, @Nullable Instant from, @Nullable Instant to) {
		SqlConditions where = conditions(component, from, to);
		return where.bind(db.sql("SELECT COUNT(*) AS total FROM clock_sync_status" + where.where()))
			.map(row -> Rows.longValue(row, "total"))
			.one();
	}

	private static SqlConditions conditions(@Nullable String component, @Nullable Instant from, @Nullable Instant to) {
		return new SqlConditions().optional("component_name = :component", "component", component)
			.optional("last_sync_at >= :from", "from", Rows.utc(from))
			.optional("last_sync_at < :to", "to", Rows.utc(to));
	}

	private static String prefixed(String alias) {
		return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
	}

	private static ClockSync map(Readable row) {
		return new ClockSync(string(row, "id"), string(row, "component_name"), string(row, "protocol"),
				integerOrNull(row, "stratum"), Rows.longValue(row, "offset_microseconds"), instant(row, "last_sync_at"),
				string(row, "status"), stringOrNull(row, "error_message"));
	}

}

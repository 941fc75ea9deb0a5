package dev.devguide.cockpit.cortex;

import dev.devguide.cockpit.persistence.MultiRowInsert;
import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.project.ProjectScope;
import dev.devguide.cockpit.persistence.SqlConditions;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for the rollups of {@code token_usage} ({@link UsageRollup}): adding a batch of raw
 * rows to each, and the sums the trend, breakdown and totals read.
 *
 * <p>
 * Exact under concurrency, on MariaDB, MySQL and TiDB alike: the rollups are written in
 * the transaction that inserts the raw rows, by {@code INSERT ... ON DUPLICATE KEY UPDATE
 * col = col + VALUES(col)}. The addition is computed by the database on the row it has
 * locked (InnoDB, TiDB's pessimistic transactions: the key is locked and the latest
 * committed value read), so two writers cannot lose each other's update; under TiDB's
 * optimistic mode a conflicting commit fails and is retried whole, recomputing from the
 * committed value. A retried transaction never counts twice: it re-inserts the same raw
 * row ids, so if an earlier attempt did commit (an answer lost on the way), the retry
 * fails on the primary key instead of adding again. Rows are written in key order, so
 * concurrent batches take their row locks in the same order and do not deadlock each
 * other.
 */
@Repository
class TokenUsageRollupRepository {

	private static final String SUMS = """
			CAST(SUM(input_tokens) AS SIGNED) AS input_tokens, CAST(SUM(output_tokens) AS SIGNED) AS output_tokens,
			SUM(total_cost) AS total_cost, CAST(SUM(requests) AS SIGNED) AS requests""";

	private static final Comparator<RollupKey> KEY_ORDER = Comparator.comparing(RollupKey::projectId)
		.thenComparing(RollupKey::bucketStart)
		.thenComparing(RollupKey::provider)
		.thenComparing(RollupKey::model)
		.thenComparing(RollupKey::operationType)
		.thenComparing(RollupKey::dashboardContext);

	private static final String SUM_COLUMNS = "input_tokens, output_tokens, total_cost, requests";

	/** Adds a batch's sums to the rows already there. */
	private static final String ADD = "ON DUPLICATE KEY UPDATE input_tokens = input_tokens + VALUES(input_tokens), "
			+ "output_tokens = output_tokens + VALUES(output_tokens), total_cost = total_cost + VALUES(total_cost), "
			+ "requests = requests + VALUES(requests)";

	private final DatabaseClient db;

	TokenUsageRollupRepository(DatabaseClient db) {
		this.db = db;
	}

	/** The primary key of a rollup row. */
	private record RollupKey(String projectId, Instant bucketStart, String provider, String model, String operationType,
			String dashboardContext) {
	}

	/**
	 * Adds the raw rows to every rollup: one statement per rollup, whatever the batch.
	 */
	Mono<Void> add(List<TokenUsage> rows) {
		Mono<Void> all = Mono.empty();
		for (UsageRollup rollup : UsageRollup.values()) {
			all = all.then(add(rollup, rows));
		}
		return all;
	}

	private Mono<Void> add(UsageRollup rollup, List<TokenUsage> rows) {
		boolean everyDimension = rollup.holds(UsageDimension.OPERATION_TYPE);
		Map<RollupKey, UsageTotals> sums = new TreeMap<>(KEY_ORDER);
		for (TokenUsage row : rows) {
			RollupKey key = new RollupKey(row.projectId(), rollup.bucket().floor(row.timestamp()), row.provider(),
					row.model(), everyDimension ? blankForNull(row.operationType()) : "",
					everyDimension ? blankForNull(row.dashboardContext()) : "");
			sums.merge(key, new UsageTotals(row.inputTokens(), row.outputTokens(), row.totalCost(), 1),
					UsageTotals::plus);
		}
		String keyColumns = everyDimension
				? "project_id, bucket_start, provider, model, operation_type, dashboard_context"
				: "project_id, bucket_start, provider, model";
		return MultiRowInsert
			.of(db, rollup.table(), keyColumns + ", " + SUM_COLUMNS, List.copyOf(sums.entrySet()), entry -> {
				RollupKey key = entry.getKey();
				UsageTotals totals = entry.getValue();
				List<Object> values = new ArrayList<>(
						List.of(key.projectId(), Rows.utc(key.bucketStart()), key.provider(), key.model()));
				if (everyDimension) {
					values.add(key.operationType());
					values.add(key.dashboardContext());
				}
				values.addAll(List.of(totals.inputTokens(), totals.outputTokens(), totals.cost(), totals.requests()));
				return values;
			}, ADD)
			.then();
	}

	/**
	 * Sums per bucket of {@code granularity}'s rollup (hours or days) and per value of
	 * {@code dimensions}, optionally per project, over {@code [from, to)}, read from the
	 * smallest rollup that holds them.
	 */
	Flux<UsageRow> sums(ProjectScope scope, Instant from, Instant to, Granularity granularity,
			List<UsageDimension> dimensions, boolean perBucket, boolean perProject) {
		List<String> groups = new ArrayList<>();
		if (perProject) {
			groups.add("project_id");
		}
		if (perBucket) {
			groups.add("bucket_start");
		}
		dimensions.forEach(dimension -> groups.add(dimension.column()));
		SqlConditions where = scope.restrict(new SqlConditions(), "project_id")
			.add("bucket_start >= :from AND bucket_start < :to")
			.parameter("from", Rows.utc(from))
			.parameter("to", Rows.utc(to));
		String columns = groups.isEmpty() ? SUMS : String.join(", ", groups) + ", " + SUMS;
		String sql = "SELECT " + columns + " FROM " + UsageRollup.of(granularity, dimensions).table() + where.where()
				+ (groups.isEmpty() ? "" : " GROUP BY " + String.join(", ", groups));
		return where.bind(db.sql(sql))
			.map(row -> map(row, dimensions, perBucket, perProject))
			.all()
			// SUM over no rows is one row of NULLs
			.filter(row -> row.totals().requests() > 0);
	}

	private static UsageRow map(Readable row, List<UsageDimension> dimensions, boolean perBucket, boolean perProject) {
		List<@Nullable String> key = dimensions.stream()
			.map(dimension -> nullForBlank(row.get(dimension.column(), String.class)))
			.collect(Collectors.toList());
		Long requests = row.get("requests", Long.class);
		if (requests == null) {
			return new UsageRow(null, null, key, UsageTotals.ZERO);
		}
		BigDecimal cost = Rows.decimal(row, "total_cost").setScale(4);
		UsageTotals totals = new UsageTotals(Rows.longValue(row, "input_tokens"), Rows.longValue(row, "output_tokens"),
				cost, requests);
		return new UsageRow(perProject ? Rows.string(row, "project_id") : null,
				perBucket ? Rows.instant(row, "bucket_start") : null, key, totals);
	}

	private static String blankForNull(@Nullable String value) {
		return value == null ? "" : value;
	}

	private static @Nullable String nullForBlank(@Nullable String value) {
		return value == null || value.isEmpty() ? null : value;
	}

}

package dev.devguide.cockpit.benchmark;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The analytics benchmark's data set, seeded with set-based SQL that MariaDB, MySQL 8.0
 * and TiDB all run: {@code INSERT ... SELECT} over a cross join of 10-row digit tables,
 * one range of row numbers per statement (so that no transaction grows past TiDB's size
 * limit). Every value derives from the row number, so the same sizes seed the same rows.
 *
 * <ul>
 * <li>200 projects {@code bench-an-p-000} to {@code -199}, 20 for each of 10 owners
 * {@code bench-analytics-owner-0} to {@code -9};</li>
 * <li>{@code rows} raw {@code token_usage} rows, ids {@code tu-<n>}, one every
 * {@code 90 days / rows} up to {@link #END}, round robin over the projects; for a
 * project's k-th row the model (4 providers × 2 models) is k mod 8, the operation type
 * (5) (k / 8) mod 5, the dashboard context (4 and none) (k / 40) mod 5;</li>
 * <li>the hourly, daily and daily-per-model rollups of those rows, computed from them by
 * {@code GROUP BY} one UTC day per transaction;</li>
 * <li>3 more active standards, and {@code violations} violations over these 4 standards
 * (open, resolved and suppressed 10:7:3), spread over the projects;</li>
 * <li>{@code changes} Bin changes over the last 6 days, spread over the projects, the
 * n-th with 1 + n mod 7 propagation rows to as many distinct dashboards.</li>
 * </ul>
 *
 * Each part resumes where an interrupted run stopped: parts are written in row-number
 * order and a part's largest id says how far it got, so a rerun against the same external
 * database is fast.
 */
final class AnalyticsData {

	/** The fixed end of the token usage: the newest raw row is just before it. */
	static final Instant END = Instant.parse("2026-11-30T00:00:00Z");

	static final int PROJECTS = 200;

	static final int OWNERS = 10;

	private static final int RAW_BATCH = 100_000;

	private static final int BATCH = 10_000;

	/** Propagation rows per change at most (the n-th change has 1 + n mod 7). */
	private static final int SLOTS = 7;

	private static final long SPAN_MICROS = Duration.ofDays(90).toNanos() / 1000;

	private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
		.withZone(ZoneOffset.UTC);

	/**
	 * Each model's price per million tokens in hundredths, input and output: a row costs
	 * (input × in + output × out) / 10^8, in whole ten-thousandths, plus one.
	 */
	private static final int[] INPUT_PRICES = { 300, 80, 1000, 15, 50, 100, 10, 20 };

	private static final int[] OUTPUT_PRICES = { 1500, 400, 3000, 60, 150, 300, 30, 60 };

	private static final String[] STANDARDS = { "ts-001-zulu", "bench-std-1", "bench-std-2", "bench-std-3" };

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final long rows;

	private final int violations;

	private final int changes;

	/** Microseconds between two raw rows. */
	private final long step;

	private final Instant start;

	AnalyticsData(DatabaseClient db, ConnectionFactory connections, long rows, int violations, int changes) {
		this.db = db;
		this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
		this.rows = rows;
		this.violations = violations;
		this.changes = changes;
		this.step = SPAN_MICROS / rows;
		this.start = END.minus(step * rows, ChronoUnit.MICROS);
	}

	static String project(int index) {
		return "bench-an-p-%03d".formatted(index);
	}

	static String owner(int index) {
		return "bench-analytics-owner-" + index;
	}

	/** Seeds what is missing and prints what it did and how long it took. */
	void seed() {
		long begin = System.nanoTime();
		projectsAndStandards();
		long raw = rawRows();
		long rollups = rollups();
		long seededViolations = violations();
		long seededChanges = changes();
		redateChanges();
		System.out.printf(
				"analytics data: %,d raw rows (%,d written now), rollups of %,d days written now, %,d violations "
						+ "(%,d now), %,d changes (%,d now); seeding took %.1f s%n",
				rows, raw, rollups, violations, seededViolations, changes, seededChanges,
				(System.nanoTime() - begin) / 1e9);
		System.out.printf(
				"table sizes: token_usage %,d, token_usage_hourly %,d, token_usage_daily %,d, "
						+ "token_usage_daily_model %,d, metadata_violations %,d, sync_buffer %,d, propagation_log %,d "
						+ "(estimates: information_schema)%n",
				estimate("token_usage"), estimate("token_usage_hourly"), estimate("token_usage_daily"),
				estimate("token_usage_daily_model"), estimate("metadata_violations"), estimate("sync_buffer"),
				estimate("propagation_log"));
	}

	/** The first raw row's timestamp: the trends' data start here. */
	Instant start() {
		return start;
	}

	private void projectsAndStandards() {
		execute("INSERT IGNORE INTO projects (id, name, owner_user_id, created_at) SELECT CONCAT('bench-an-p-', "
				+ "LPAD(n, 3, '0')), CONCAT('analytics project ', n), CONCAT('bench-analytics-owner-', n DIV 20), "
				+ "'2026-01-01 00:00:00' FROM (" + numbers(0, 3) + ") g WHERE n < " + PROJECTS);
		String[] categories = { "nomenclature", "versioning", "temporal" };
		for (int i = 1; i <= 3; i++) {
			// field_pattern NULL: the standard checks no field, so it rejects no Bin
			// change
			execute("INSERT IGNORE INTO metadata_standards (id, standard_name, category, pattern_regex, "
					+ "validation_message, enforcement_level, is_active) VALUES ('bench-std-" + i
					+ "', 'Benchmark standard " + i + "', '" + categories[i - 1]
					+ "', '^.*$', 'benchmark', 'warning', TRUE)");
		}
	}

	/** The raw rows from the first missing one; returns how many were written. */
	private long rawRows() {
		String first = scalar("SELECT DATE_FORMAT(`timestamp`, '%Y-%m-%d %H:%i:%s.%f') AS v FROM token_usage "
				+ "WHERE id = 'tu-0000000000'");
		if (first != null && !first.equals(SQL_TIME.format(start))) {
			throw new IllegalStateException("token_usage holds benchmark rows of another bench.analytics.rows (first "
					+ "row at " + first + ", expected " + SQL_TIME.format(start) + "): seed a fresh database");
		}
		long from = next("token_usage", "tu-", 10);
		for (long lo = from; lo < rows; lo += RAW_BATCH) {
			long hi = Math.min(rows, lo + RAW_BATCH);
			execute("""
					INSERT INTO token_usage (id, project_id, provider, model, input_tokens, output_tokens, total_cost,
					    operation_type, dashboard_context, `timestamp`)
					SELECT CONCAT('tu-', LPAD(n, 10, '0')), CONCAT('bench-an-p-', LPAD(n MOD %1$d, 3, '0')),
					    ELT(m DIV 2 + 1, 'claude', 'openai', 'phi3', 'tinyllama'),
					    ELT(m + 1, 'claude-sonnet-4-5', 'claude-haiku-4-5', 'gpt-4-turbo', 'gpt-4o-mini', 'phi3-mini',
					        'phi3-medium', 'tinyllama-1.1b', 'tinyllama-chat'),
					    i, o,
					    CAST((i * %6$s + o * %7$s) DIV 10000 + 1 AS DECIMAL(10, 0)) / 10000,
					    ELT((k DIV 8) MOD 5 + 1, 'chat', 'estimation', 'tool_call', 'summary', 'embedding'),
					    ELT((k DIV 40) MOD 5 + 1, 'cockpit', 'bin', 'governance', 'cortex'),
					    DATE_ADD('%2$s', INTERVAL n * %3$d MICROSECOND)
					FROM (SELECT n, n DIV %1$d AS k, (n DIV %1$d) MOD 8 AS m, 200 + (n * 7919) MOD 3800 AS i,
					    50 + (n * 104729) MOD 1200 AS o
					    FROM (%4$s) g WHERE n < %5$d) x""".formatted(PROJECTS, SQL_TIME.format(start), step,
					numbers(lo, 5), hi, cases("m", INPUT_PRICES), cases("m", OUTPUT_PRICES)));
		}
		return rows - Math.min(rows, from);
	}

	/**
	 * The three rollups of the raw rows, a UTC day per transaction (hourly buckets nest
	 * in days, so no two transactions write the same rollup row); a day is done when its
	 * first row's daily rollup row exists. Returns how many days were written.
	 */
	private long rollups() {
		long written = 0;
		for (Instant day = start.truncatedTo(ChronoUnit.DAYS); day.isBefore(END); day = day.plus(Duration.ofDays(1))) {
			long lo = firstRowAtOrAfter(day);
			long hi = firstRowAtOrAfter(day.plus(Duration.ofDays(1)));
			if (lo >= hi) {
				continue;
			}
			String done = scalar("SELECT project_id AS v FROM token_usage_daily WHERE project_id = '"
					+ project((int) (lo % PROJECTS)) + "' AND bucket_start = '" + SQL_TIME.format(day) + "' LIMIT 1");
			if (done != null) {
				continue;
			}
			String range = "id >= '" + rawId(lo) + "' AND id < '" + rawId(hi) + "'";
			String hourly = rollup("token_usage_hourly", "DATE_FORMAT(`timestamp`, '%Y-%m-%d %H:00:00')", range);
			String daily = rollup("token_usage_daily", "DATE(`timestamp`)", range);
			String dailyModel = modelRollup(range);
			transactions
				.execute(status -> db.sql(hourly).then().then(db.sql(daily).then()).then(db.sql(dailyModel).then()))
				.then()
				.block();
			written++;
		}
		return written;
	}

	/**
	 * The sums the server writes, per project, bucket, provider, model, operation,
	 * context.
	 */
	private static String rollup(String table, String bucket, String range) {
		return """
				INSERT INTO %1$s (project_id, bucket_start, provider, model, operation_type, dashboard_context,
				    input_tokens, output_tokens, total_cost, requests)
				SELECT project_id, %2$s, provider, model, COALESCE(operation_type, ''), COALESCE(dashboard_context, ''),
				    SUM(input_tokens), SUM(output_tokens), SUM(total_cost), COUNT(*)
				FROM token_usage WHERE %3$s
				GROUP BY project_id, %2$s, provider, model, COALESCE(operation_type, ''),
				    COALESCE(dashboard_context, '')""".formatted(table, bucket, range);
	}

	/** The sums the server writes per project, UTC day, provider and model. */
	private static String modelRollup(String range) {
		return """
				INSERT INTO token_usage_daily_model (project_id, bucket_start, provider, model, input_tokens,
				    output_tokens, total_cost, requests)
				SELECT project_id, DATE(`timestamp`), provider, model, SUM(input_tokens), SUM(output_tokens),
				    SUM(total_cost), COUNT(*)
				FROM token_usage WHERE %s
				GROUP BY project_id, DATE(`timestamp`), provider, model""".formatted(range);
	}

	private long violations() {
		long from = next("metadata_violations", "bench-mv-", 8);
		StringBuilder standards = new StringBuilder();
		for (String standard : STANDARDS) {
			standards.append(", '").append(standard).append('\'');
		}
		for (long lo = from; lo < violations; lo += BATCH) {
			execute("""
					INSERT INTO metadata_violations (id, standard_id, resource_type, resource_id, violation_value,
					    suggested_fix, status, detected_at, resolved_at, resolved_by, project_id)
					SELECT CONCAT('bench-mv-', LPAD(n, 8, '0')), ELT(n MOD 4 + 1%1$s), 'sync_buffer',
					    CONCAT('bench-sb-', LPAD(n MOD %2$d, 8, '0')), '2026-11-01 10:00:00', NULL, s,
					    DATE_ADD('%3$s', INTERVAL n MINUTE),
					    CASE WHEN s = 'open' THEN NULL ELSE DATE_ADD('%3$s', INTERVAL n + 60 MINUTE) END,
					    CASE WHEN s = 'open' THEN NULL ELSE 'bench-reviewer' END,
					    CONCAT('bench-an-p-', LPAD((n DIV 4) MOD %4$d, 3, '0'))
					FROM (SELECT n, CASE WHEN (n DIV 800) MOD 20 < 10 THEN 'open' WHEN (n DIV 800) MOD 20 < 17
					    THEN 'resolved' ELSE 'suppressed' END AS s FROM (%5$s) g WHERE n < %6$d) x""".formatted(
					standards, Math.max(1, changes), SQL_TIME.format(END.minus(Duration.ofDays(80))), PROJECTS,
					numbers(lo, 4), Math.min(violations, lo + BATCH)));
		}
		return violations - Math.min(violations, from);
	}

	/**
	 * The changes and their propagation rows; both resume from their own largest id (a
	 * change's rows are written by one statement, after the change).
	 */
	private long changes() {
		long from = next("sync_buffer", "bench-sb-", 8);
		String anchor = SQL_TIME.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		for (long lo = from; lo < changes; lo += BATCH) {
			execute("""
					INSERT INTO sync_buffer (id, project_id, change_type, payload, status, created_at, validated_at,
					    propagated_at)
					SELECT CONCAT('bench-sb-', LPAD(n, 8, '0')), CONCAT('bench-an-p-', LPAD(n MOD %1$d, 3, '0')),
					    ELT(n MOD 4 + 1, 'schema', 'layout', 'module', 'configuration'), '{}', 'PROPAGATED', t, t, t
					FROM (SELECT n, DATE_SUB('%2$s', INTERVAL (n * 5) MOD 518400 SECOND) AS t
					    FROM (%3$s) g WHERE n < %4$d) x""".formatted(PROJECTS, anchor, numbers(lo, 4),
					Math.min(changes, lo + BATCH)));
		}
		String last = scalar("SELECT MAX(id) AS v FROM propagation_log WHERE id >= 'bench-pl-' AND id < 'bench-pl.'");
		long propagated = last == null ? 0 : Long.parseLong(last.substring("bench-pl-".length())) / 8 + 1;
		for (long lo = propagated; lo < changes; lo += BATCH) {
			execute("""
					INSERT INTO propagation_log (id, sync_buffer_id, affected_dashboard_id, propagation_type, status,
					    token_cost, duration_ms, created_at)
					SELECT CONCAT('bench-pl-', LPAD(n * 8 + s.d, 9, '0')), sb.id,
					    CONCAT('bench-an-d-', LPAD((n + s.d * 13) MOD 40, 2, '0')), 'rerender', 'SUCCESS',
					    100 + (n * 31 + s.d * 17) MOD 5000, 10 + (n + s.d * 3) MOD 500,
					    DATE_ADD(sb.created_at, INTERVAL s.d SECOND)
					FROM (%1$s) g CROSS JOIN (%2$s) s
					JOIN sync_buffer sb ON sb.id = CONCAT('bench-sb-', LPAD(g.n, 8, '0'))
					WHERE g.n < %3$d AND s.d < 1 + g.n MOD %4$d""".formatted(numbers(lo, 4), digits(),
					Math.min(changes, lo + BATCH), SLOTS));
		}
		return changes - Math.min(changes, from);
	}

	/**
	 * highImpactChanges reads the last 7 days: when the seeded changes were written more
	 * than a day ago (a rerun against the same database), they move forward by whole
	 * days.
	 */
	private void redateChanges() {
		String newest = scalar("SELECT DATE_FORMAT(MAX(created_at), '%Y-%m-%d %H:%i:%s.%f') AS v FROM sync_buffer "
				+ "WHERE id >= 'bench-sb-' AND id < 'bench-sb.'");
		if (newest == null) {
			return;
		}
		Instant at = LocalDateTime.parse(newest, SQL_TIME).toInstant(ZoneOffset.UTC);
		long days = Duration.between(at, Instant.now()).toDays();
		if (days < 1) {
			return;
		}
		for (long lo = 0; lo < changes; lo += BATCH) {
			String range = "'bench-sb-" + "%08d".formatted(lo) + "' AND '" + "bench-sb-"
					+ "%08d".formatted(Math.min(changes, lo + BATCH) - 1) + "'";
			execute("UPDATE sync_buffer SET created_at = DATE_ADD(created_at, INTERVAL " + days
					+ " DAY) WHERE id BETWEEN " + range);
		}
		System.out.printf("moved the seeded changes %d days forward%n", days);
	}

	/** The number after the largest id {@code prefix<n>} of the table, or 0. */
	private long next(String table, String prefix, int width) {
		// '.' follows '-' in ASCII: the range holds exactly the ids with the prefix
		String upper = prefix.substring(0, prefix.length() - 1) + ".";
		String last = scalar(
				"SELECT MAX(id) AS v FROM " + table + " WHERE id >= '" + prefix + "' AND id < '" + upper + "'");
		if (last == null) {
			return 0;
		}
		String digits = last.substring(prefix.length());
		return digits.length() == width ? Long.parseLong(digits) + 1 : 0;
	}

	/** The number of the first raw row at or after {@code moment}, within [0, rows]. */
	private long firstRowAtOrAfter(Instant moment) {
		long micros = ChronoUnit.MICROS.between(start, moment);
		if (micros <= 0) {
			return 0;
		}
		return Math.min(rows, (micros + step - 1) / step);
	}

	/** {@code CASE column WHEN 0 THEN values[0] ... END}: integers, not ELT's strings. */
	private static String cases(String column, int[] values) {
		StringBuilder sql = new StringBuilder("CASE ").append(column);
		for (int i = 0; i < values.length; i++) {
			sql.append(" WHEN ").append(i).append(" THEN ").append(values[i]);
		}
		return sql.append(" END").toString();
	}

	private static String rawId(long n) {
		return "tu-%010d".formatted(n);
	}

	/**
	 * A derived table of one column {@code n}: {@code from} + every number of
	 * {@code places} decimal digits.
	 */
	private static String numbers(long from, int places) {
		List<String> terms = new ArrayList<>();
		StringBuilder joins = new StringBuilder();
		long weight = 1;
		for (int place = 0; place < places; place++) {
			terms.add(weight == 1 ? "d" + place + ".d" : weight + " * d" + place + ".d");
			joins.append(place == 0 ? "" : " CROSS JOIN ").append('(').append(digits()).append(") d").append(place);
			weight *= 10;
		}
		return "SELECT " + from + " + " + String.join(" + ", terms) + " AS n FROM " + joins;
	}

	private static String digits() {
		StringBuilder digits = new StringBuilder("SELECT 0 AS d");
		for (int d = 1; d < 10; d++) {
			digits.append(" UNION ALL SELECT ").append(d);
		}
		return digits.toString();
	}

	private long estimate(String table) {
		String rows = scalar("SELECT CAST(TABLE_ROWS AS CHAR) AS v FROM information_schema.TABLES WHERE "
				+ "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table + "'");
		return rows == null ? -1 : Long.parseLong(rows);
	}

	private void execute(String sql) {
		db.sql(sql).then().block();
	}

	private @Nullable String scalar(String sql) {
		Optional<String> value = db.sql(sql)
			.map(row -> Optional.ofNullable(row.get("v", String.class)))
			.one()
			.blockOptional()
			.flatMap(found -> found);
		return value.orElse(null);
	}

}

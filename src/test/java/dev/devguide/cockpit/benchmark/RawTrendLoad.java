package dev.devguide.cockpit.benchmark;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The raw-SQL baseline of the 30-day trend: the specification's query over the raw
 * {@code token_usage} rows, run back to back by {@code concurrency} workers for a fixed
 * time through the test context's R2DBC pool (the server's driver and pool), every row of
 * every answer read.
 */
final class RawTrendLoad {

	static final String SQL = """
			SELECT DATE(`timestamp`) AS usage_date, provider, SUM(input_tokens) AS input_tokens,
			       SUM(output_tokens) AS output_tokens, SUM(total_cost) AS total_cost
			FROM token_usage
			WHERE project_id = ? AND `timestamp` >= ?
			GROUP BY DATE(`timestamp`), provider
			ORDER BY usage_date DESC""";

	/** One row of the answer. */
	record Row(String day, String provider, long inputTokens, long outputTokens, BigDecimal cost) {
	}

	/** What one run measured; latencies in milliseconds. */
	record Result(long calls, double perSecond, double p50Millis, double p99Millis, double rowsPerCall) {
	}

	private final ConnectionFactory connections;

	private final String project;

	private final LocalDateTime since;

	RawTrendLoad(ConnectionFactory connections, String project, LocalDateTime since) {
		this.connections = connections;
		this.project = project;
		this.since = since;
	}

	/** One call's answer. */
	List<Row> once() {
		return query().block();
	}

	Result run(int concurrency, Duration duration) {
		long deadline = System.nanoTime() + duration.toNanos();
		List<long[]> perWorker = new ArrayList<>();
		long[] rows = new long[concurrency];
		int[] counts = new int[concurrency];
		for (int w = 0; w < concurrency; w++) {
			perWorker.add(new long[1024]);
		}
		long begin = System.nanoTime();
		Flux.range(0, concurrency).flatMap(worker -> Mono.defer(() -> {
			long start = System.nanoTime();
			return query().doOnNext(answer -> {
				long[] latencies = perWorker.get(worker);
				if (counts[worker] == latencies.length) {
					latencies = Arrays.copyOf(latencies, latencies.length * 2);
					perWorker.set(worker, latencies);
				}
				latencies[counts[worker]++] = System.nanoTime() - start;
				rows[worker] += answer.size();
			});
		}).repeat(() -> System.nanoTime() < deadline), concurrency).blockLast();
		double seconds = (System.nanoTime() - begin) / 1e9;
		long[] all = new long[Arrays.stream(counts).sum()];
		int at = 0;
		for (int w = 0; w < concurrency; w++) {
			System.arraycopy(perWorker.get(w), 0, all, at, counts[w]);
			at += counts[w];
		}
		Arrays.sort(all);
		return new Result(all.length, all.length / seconds, percentile(all, 50) / 1e6, percentile(all, 99) / 1e6,
				(double) Arrays.stream(rows).sum() / Math.max(1, all.length));
	}

	private Mono<List<Row>> query() {
		return Mono.usingWhen(connections.create(),
				connection -> Flux.from(connection.createStatement(SQL).bind(0, project).bind(1, since).execute())
					.flatMap(result -> result.map((row, meta) -> new Row(String.valueOf(row.get("usage_date")),
							row.get("provider", String.class), number(row.get("input_tokens")),
							number(row.get("output_tokens")), row.get("total_cost", BigDecimal.class))))
					.collectList(),
				Connection::close);
	}

	private static long number(Object value) {
		return value instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(value));
	}

	static double percentile(long[] sorted, int percentile) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
	}

}

package dev.devguide.cockpit.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The analytics benchmark's table: a row per scenario, as Markdown. */
final class AnalyticsTable {

	/**
	 * One scenario: calls per second, latency per call, rows per second (ingest only,
	 * else NaN), what the server spent per call, and a note (the target, the comparison).
	 */
	record Row(String name, double perSecond, double p50Millis, double p99Millis, double rowsPerSecond,
			AnalyticsMeter.Usage usage, String note) {

		Row noted(String text) {
			return new Row(name, perSecond, p50Millis, p99Millis, rowsPerSecond, usage, text);
		}

	}

	private final List<Row> rows = new ArrayList<>();

	void add(Row row) {
		rows.add(row);
	}

	String render(String settings) {
		StringBuilder out = new StringBuilder("\nAnalytics benchmark (").append(settings).append(")\n\n");
		out.append(String.format("| %-52s | %7s | %7s | %7s | %7s | %6s | %10s | %9s | %s |%n", "scenario", "per s",
				"p50 ms", "p99 ms", "rows/s", "SQL/op", "CPU ms/op", "DB ms/op", "notes"));
		out.append("|:---|---:|---:|---:|---:|---:|---:|---:|:---|\n");
		for (Row row : rows) {
			out.append(String.format("| %-52s | %7.1f | %7.1f | %7.1f | %7s | %6s | %10s | %9s | %s |%n", row.name(),
					row.perSecond(), row.p50Millis(), row.p99Millis(), number(row.rowsPerSecond(), "%.0f"),
					number(row.usage().statements(), "%.1f"), number(row.usage().cpuMillis(), "%.2f"),
					number(row.usage().databaseCpuMillis(), "%.2f"), row.note()));
		}
		return out.toString();
	}

	private static String number(double value, String format) {
		return Double.isNaN(value) ? "-" : String.format(format, value);
	}

}

package dev.devguide.cockpit.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's one table: a row per scenario, printed when everything has run. */
final class ResultTable {

	private final List<Row> rows = new ArrayList<>();

	/**
	 * One measured scenario. Per-request figures are NaN where they do not apply;
	 * {@code versus} compares with the floor measured in the same run.
	 */
	record Row(String name, double perSecond, double p50Millis, double p99Millis, double statements, double cpuMillis,
			double allocatedMegabytes, double residentMegabytes, String versus) {

		static Row of(String name, double perSecond, double p50, double p99, long requests, ServerMeter.Snapshot before,
				ServerMeter.Snapshot after, long residentBytes) {
			double count = Math.max(1, requests);
			double statements = before.statements() < 0 || after.statements() < 0 ? Double.NaN
					: (after.statements() - before.statements()) / count;
			return new Row(name, perSecond, p50, p99, statements, (after.cpuNanos() - before.cpuNanos()) / 1e6 / count,
					(after.allocatedBytes() - before.allocatedBytes()) / 1048576.0 / count, residentBytes / 1048576.0,
					"");
		}

		/**
		 * This row with its ratios to {@code floor}: throughput, p50 and CPU per request.
		 */
		Row against(Row floor) {
			String ratios = String.format("%.2fx req/s, %.2fx p50, %.2fx CPU", perSecond / floor.perSecond(),
					p50Millis / floor.p50Millis(), cpuMillis / floor.cpuMillis());
			return new Row(name, perSecond, p50Millis, p99Millis, statements, cpuMillis, allocatedMegabytes,
					residentMegabytes, ratios);
		}

	}

	void add(Row row) {
		rows.add(row);
	}

	String render(String settings) {
		StringBuilder out = new StringBuilder("\nCockpit benchmark (").append(settings).append(")\n\n");
		out.append(String.format("| %-44s | %9s | %8s | %8s | %7s | %8s | %9s | %7s | %s |%n", "scenario", "per s",
				"p50 ms", "p99 ms", "SQL/op", "CPU ms/op", "alloc MB/op", "RSS MB", "versus the floor"));
		out.append("|").append("-".repeat(46)).append("|---:|---:|---:|---:|---:|---:|---:|---|\n");
		for (Row row : rows) {
			out.append(String.format("| %-44s | %9.1f | %8.1f | %8.1f | %7s | %8s | %9s | %7.0f | %s |%n", row.name(),
					row.perSecond(), row.p50Millis(), row.p99Millis(), number(row.statements(), "%.1f"),
					number(row.cpuMillis(), "%.2f"), number(row.allocatedMegabytes(), "%.2f"), row.residentMegabytes(),
					row.versus()));
		}
		return out.toString();
	}

	private static String number(double value, String format) {
		return Double.isNaN(value) ? "-" : String.format(format, value);
	}

}

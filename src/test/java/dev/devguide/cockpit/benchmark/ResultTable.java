package dev.devguide.cockpit.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The benchmark's one table: a row per scenario, printed when everything has run. */
final class ResultTable {

	private final List<Row> rows = new ArrayList<>();

	/**
	 * One measured scenario. Per-operation figures are NaN where they do not apply;
	 * {@code databaseCpuMillis} is the embedded mariadbd's; {@code versus} compares with
	 * the floor measured in the same run.
	 */
	record Row(String name, double perSecond, double p50Millis, double p99Millis, double statements, double cpuMillis,
			double databaseCpuMillis, double allocatedMegabytes, double residentMegabytes, String versus) {

		/**
		 * The row of {@code operations} measured between two snapshots of the process
		 * that served them; the RSS is that process's peak in between.
		 */
		static Row of(String name, double perSecond, double p50, double p99, long operations,
				ServerMeter.Snapshot before, ServerMeter.Snapshot after) {
			double count = Math.max(1, operations);
			double statements = before.statements() < 0 || after.statements() < 0 ? Double.NaN
					: (after.statements() - before.statements()) / count;
			double database = before.databaseCpuNanos() < 0 ? Double.NaN
					: (after.databaseCpuNanos() - before.databaseCpuNanos()) / 1e6 / count;
			double cpu = before.cpuNanos() < 0 || after.cpuNanos() < 0 ? Double.NaN
					: (after.cpuNanos() - before.cpuNanos()) / 1e6 / count;
			double resident = after.peakResidentBytes() < 0 ? Double.NaN : after.peakResidentBytes() / 1048576.0;
			return new Row(name, perSecond, p50, p99, statements, cpu, database,
					after.allocatedBytesSince(before) / 1048576.0 / count, resident, "");
		}

		/**
		 * The median of each figure over several rounds of one scenario: the machine is
		 * shared and noisy, and one round is one sample.
		 */
		static Row median(List<Row> rounds) {
			Row first = rounds.get(0);
			String name = first.name().replaceAll(" round \\d+$", "")
					+ (rounds.size() > 1 ? " (median of " + rounds.size() + ")" : "");
			return new Row(name, median(rounds, Row::perSecond), median(rounds, Row::p50Millis),
					median(rounds, Row::p99Millis), median(rounds, Row::statements), median(rounds, Row::cpuMillis),
					median(rounds, Row::databaseCpuMillis), median(rounds, Row::allocatedMegabytes),
					median(rounds, Row::residentMegabytes), first.versus());
		}

		/** This row with another comparison. */
		Row versus(String text) {
			return new Row(name, perSecond, p50Millis, p99Millis, statements, cpuMillis, databaseCpuMillis,
					allocatedMegabytes, residentMegabytes, text);
		}

		/**
		 * This row with its ratios to {@code floor}: throughput, p50, CPU per request.
		 */
		Row against(Row floor) {
			return versus(String.format("%.2fx req/s, %.2fx p50, %.2fx CPU, %.2fx DB CPU",
					perSecond / floor.perSecond(), p50Millis / floor.p50Millis(), cpuMillis / floor.cpuMillis(),
					databaseCpuMillis / floor.databaseCpuMillis()));
		}

		private static double median(List<Row> rounds, ToDoubleFunction<Row> figure) {
			double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
			return values[values.length / 2];
		}

	}

	void add(Row row) {
		rows.add(row);
	}

	String render(String settings) {
		StringBuilder out = new StringBuilder("\nCockpit benchmark (").append(settings).append(")\n\n");
		out.append(String.format("| %-58s | %7s | %7s | %7s | %6s | %9s | %8s | %11s | %6s | %s |%n", "scenario",
				"per s", "p50 ms", "p99 ms", "SQL/op", "CPU ms/op", "DB ms/op", "alloc MB/op", "RSS MB",
				"versus the floor"));
		out.append("|:---|---:|---:|---:|---:|---:|---:|---:|---:|:---|\n");
		for (Row row : rows) {
			out.append(String.format("| %-58s | %7.1f | %7.1f | %7.1f | %6s | %9s | %8s | %11s | %6s | %s |%n",
					row.name(), row.perSecond(), row.p50Millis(), row.p99Millis(), number(row.statements(), "%.1f"),
					number(row.cpuMillis(), "%.2f"), number(row.databaseCpuMillis(), "%.2f"),
					number(row.allocatedMegabytes(), "%.2f"), number(row.residentMegabytes(), "%.0f"), row.versus()));
		}
		return out.toString();
	}

	private static String number(double value, String format) {
		return Double.isNaN(value) ? "-" : String.format(format, value);
	}

}

package dev.devguide.cockpit.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What the analytics benchmark reads around each measured run: this JVM's CPU time (the
 * server runs in it; wrk is another process), the statements the database received
 * (MariaDB's and MySQL's {@code Questions}; -1 elsewhere) and the CPU time of the
 * embedded {@code mariadbd}, a child of this JVM (-1 for an external database).
 */
final class AnalyticsMeter {

	/** The counters at one moment. */
	record Reading(long jvmCpuNanos, long statements, long databaseCpuNanos) {

		/** Per operation between {@code this} (before) and {@code after}. */
		Usage to(Reading after, long operations) {
			double count = Math.max(1, operations);
			return new Usage(
					statements < 0 || after.statements < 0 ? Double.NaN : (after.statements - statements) / count,
					(after.jvmCpuNanos - jvmCpuNanos) / 1e6 / count, databaseCpuNanos < 0 || after.databaseCpuNanos < 0
							? Double.NaN : (after.databaseCpuNanos - databaseCpuNanos) / 1e6 / count);
		}

	}

	/** SQL statements, JVM CPU ms and database CPU ms per operation. */
	record Usage(double statements, double cpuMillis, double databaseCpuMillis) {

		static final Usage NONE = new Usage(Double.NaN, Double.NaN, Double.NaN);

	}

	private final DatabaseClient db;

	AnalyticsMeter(DatabaseClient db) {
		this.db = db;
	}

	Reading read() {
		return new Reading(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime(), questions(), mariadbCpu());
	}

	private long questions() {
		try {
			return db.sql("SHOW GLOBAL STATUS LIKE 'Questions'")
				.map(row -> Long.parseLong(String.valueOf(row.get("Value", String.class))))
				.one()
				.blockOptional()
				.orElse(-1L);
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	private static long mariadbCpu() {
		Optional<Duration> cpu = ProcessHandle.current()
			.descendants()
			.filter(child -> child.info().command().filter(command -> command.endsWith("mariadbd")).isPresent())
			.findFirst()
			.flatMap(child -> child.info().totalCpuDuration());
		return cpu.map(Duration::toNanos).orElse(-1L);
	}

}

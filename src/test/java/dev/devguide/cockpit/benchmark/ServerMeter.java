package dev.devguide.cockpit.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Reads what the server's process spent, between two snapshots: CPU time (all threads of
 * this JVM, which holds the server; the load generator is another process), bytes
 * allocated by all live threads, the resident set size, and the statements the database
 * received (MariaDB's and MySQL's {@code Questions} counter; absent elsewhere).
 */
final class ServerMeter {

	private final DatabaseClient db;

	ServerMeter(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The counters at one moment; {@code databaseCpuNanos} is the embedded mariadbd's CPU
	 * time (-1 for an external database, whose process is elsewhere).
	 */
	record Snapshot(long cpuNanos, long allocatedBytes, long statements, long databaseCpuNanos) {
	}

	Snapshot snapshot() {
		return new Snapshot(cpuNanos(), allocatedBytes(), statements(), databaseCpuNanos());
	}

	/** The CPU time of the embedded MariaDB server, a child process of this JVM. */
	private static long databaseCpuNanos() {
		return ProcessHandle.current()
			.descendants()
			.filter(process -> process.info().command().map(command -> command.endsWith("mariadbd")).orElse(false))
			.findFirst()
			.flatMap(process -> process.info().totalCpuDuration())
			.map(java.time.Duration::toNanos)
			.orElse(-1L);
	}

	/** The JVM's resident set size in bytes (Linux), or -1. */
	static long residentBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException ex) {
			return -1;
		}
		return -1;
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static long allocatedBytes() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds()))
			.filter(bytes -> bytes > 0)
			.sum();
	}

	private long statements() {
		try {
			Long questions = db.sql("SHOW GLOBAL STATUS LIKE 'Questions'")
				.map(row -> Long.parseLong(row.get("Value", String.class)))
				.one()
				.block();
			return questions == null ? -1 : questions;
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

}

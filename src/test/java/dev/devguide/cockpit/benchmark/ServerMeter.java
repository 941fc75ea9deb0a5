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

	/** The counters at one moment. */
	record Snapshot(long cpuNanos, long allocatedBytes, long statements) {
	}

	Snapshot snapshot() {
		return new Snapshot(cpuNanos(), allocatedBytes(), statements());
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

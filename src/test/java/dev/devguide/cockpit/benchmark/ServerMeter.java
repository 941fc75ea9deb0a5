package dev.devguide.cockpit.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jdk.management.jfr.FlightRecorderMXBean;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Reads what one process spent, between two snapshots: its CPU time (user + system, from
 * the operating system), the bytes allocated by its threads (their
 * {@code getThreadAllocatedBytes}, over JMX for another JVM), its peak resident set size
 * (sampled every 100 ms), and the statements the database received (MariaDB's and MySQL's
 * {@code Questions} counter; absent elsewhere). The process is the benchmark's server JVM
 * ({@link #of(ServerProcess, DatabaseClient)}), or, for the raw-SQL floor that runs in
 * the benchmark's own JVM, this JVM ({@link #harness(DatabaseClient)}).
 */
final class ServerMeter implements AutoCloseable {

	private static final Duration SAMPLE_INTERVAL = Duration.ofMillis(100);

	private final DatabaseClient db;

	private final ProcessHandle process;

	private final com.sun.management.ThreadMXBean threads;

	private final FlightRecorderMXBean recorder;

	private final AtomicLong peakResident = new AtomicLong(-1);

	private final ScheduledExecutorService sampler;

	private ServerMeter(DatabaseClient db, ProcessHandle process, com.sun.management.ThreadMXBean threads,
			FlightRecorderMXBean recorder) {
		this.db = db;
		this.process = process;
		this.threads = threads;
		this.recorder = recorder;
		this.sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "benchmark-rss-" + process.pid());
			thread.setDaemon(true);
			return thread;
		});
		sampler.scheduleAtFixedRate(this::sampleResident, 0, SAMPLE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The server in its own JVM, read over its JMX connector. */
	static ServerMeter of(ServerProcess server, DatabaseClient db) {
		try {
			return new ServerMeter(db, server.handle(),
					ManagementFactory.newPlatformMXBeanProxy(server.management(), ManagementFactory.THREAD_MXBEAN_NAME,
							com.sun.management.ThreadMXBean.class),
					ManagementFactory.newPlatformMXBeanProxy(server.management(), FlightRecorderMXBean.MXBEAN_NAME,
							FlightRecorderMXBean.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** This JVM, which holds the raw-SQL floor (and the idle test context). */
	static ServerMeter harness(DatabaseClient db) {
		return new ServerMeter(db, ProcessHandle.current(),
				(com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean(),
				ManagementFactory.getPlatformMXBean(FlightRecorderMXBean.class));
	}

	/**
	 * The counters at one moment. {@code threadAllocatedBytes} maps each live thread's id
	 * to its allocated bytes; {@code databaseCpuNanos} is the embedded mariadbd's CPU
	 * time (-1 for an external database, whose process is elsewhere); {@code cpuNanos} is
	 * -1 where the operating system does not tell; {@code peakResidentBytes} is the
	 * highest resident set size sampled since the previous snapshot of the same meter (-1
	 * when unknown).
	 */
	record Snapshot(long cpuNanos, Map<Long, Long> threadAllocatedBytes, long statements, long databaseCpuNanos,
			long peakResidentBytes) {

		/**
		 * The bytes allocated since {@code before}, per thread (ids are never reused): a
		 * thread that ended in between is missing from this snapshot and adds nothing,
		 * rather than taking its earlier total off the sum.
		 */
		long allocatedBytesSince(Snapshot before) {
			long total = 0;
			for (Map.Entry<Long, Long> thread : threadAllocatedBytes.entrySet()) {
				total += Math.max(0,
						thread.getValue() - before.threadAllocatedBytes().getOrDefault(thread.getKey(), 0L));
			}
			return total;
		}

	}

	/**
	 * The counters now; the peak resident set size restarts from the current one, so the
	 * next snapshot's peak is that of the interval between the two.
	 */
	Snapshot snapshot() {
		long resident = residentBytes();
		long peak = peakResident.getAndSet(resident);
		return new Snapshot(cpuNanos(), allocatedBytes(), statements(), databaseCpuNanos(), Math.max(peak, resident));
	}

	/** The measured process's Flight Recorder (for {@link Profiles}). */
	FlightRecorderMXBean recorder() {
		return recorder;
	}

	/** The measured process's resident set size now, in bytes (Linux), or -1. */
	long residentBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException ex) {
			// Also when the process has ended.
			return -1;
		}
		return -1;
	}

	private void sampleResident() {
		long resident = residentBytes();
		peakResident.accumulateAndGet(resident, Math::max);
	}

	private long cpuNanos() {
		return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
	}

	private Map<Long, Long> allocatedBytes() {
		long[] ids = threads.getAllThreadIds();
		long[] bytes = threads.getThreadAllocatedBytes(ids);
		Map<Long, Long> perThread = new HashMap<>(ids.length * 2);
		for (int i = 0; i < ids.length; i++) {
			// -1: the thread ended between the two calls.
			if (bytes[i] >= 0) {
				perThread.put(ids[i], bytes[i]);
			}
		}
		return perThread;
	}

	/**
	 * The CPU time of the embedded MariaDB server, a child process of this JVM (the
	 * server's JVM is another child; it is not counted here).
	 */
	private static long databaseCpuNanos() {
		return ProcessHandle.current()
			.descendants()
			.filter(process -> process.info().command().map(command -> command.endsWith("mariadbd")).orElse(false))
			.findFirst()
			.flatMap(process -> process.info().totalCpuDuration())
			.map(Duration::toNanos)
			.orElse(-1L);
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

	@Override
	public void close() {
		sampler.shutdownNow();
	}

}

package dev.devguide.cockpit.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import jdk.jfr.Configuration;
import jdk.management.jfr.FlightRecorderMXBean;

/**
 * Flight Recorder profiles of single measured rounds ({@code -Dbench.profile=true}),
 * written to {@code target/benchmark-<round>.jfr}: what changes to the server are decided
 * by, rather than by guess. The recording is made in the measured process, the server's
 * JVM (over JMX) or, for the raw-SQL floor, the benchmark's own, through its
 * {@link FlightRecorderMXBean}; that process writes the file. Read with
 * {@code jfr print --events jdk.ExecutionSample} or JDK Mission Control.
 */
final class Profiles {

	private Profiles() {
	}

	static <T> T record(FlightRecorderMXBean recorder, boolean enabled, String round, Supplier<T> work) {
		if (!enabled) {
			return work.get();
		}
		Map<String, String> settings;
		try {
			settings = new HashMap<>(Configuration.getConfiguration("profile").getSettings());
		}
		catch (IOException | java.text.ParseException ex) {
			throw new UncheckedIOException(ex instanceof IOException io ? io : new IOException(ex));
		}
		// Every millisecond rather than the profile settings' 10 or 20: short rounds need
		// the samples.
		settings.put("jdk.ExecutionSample#period", "1 ms");
		Path file = Path.of("target", "benchmark-" + round.replaceAll("[^A-Za-z0-9]+", "-") + ".jfr").toAbsolutePath();
		long recording = recorder.newRecording();
		try {
			recorder.setRecordingSettings(recording, settings);
			recorder.startRecording(recording);
			T result = work.get();
			recorder.stopRecording(recording);
			Files.createDirectories(file.getParent());
			recorder.copyTo(recording, file.toString());
			System.out.println("profile of " + round + ": " + file);
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			try {
				recorder.closeRecording(recording);
			}
			catch (IOException ex) {
				// The recording's file, if any, is written; the process frees it at exit.
			}
		}
	}

}

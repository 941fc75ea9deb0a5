package dev.devguide.cockpit.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Flight Recorder profiles of single measured rounds ({@code -Dbench.profile=true}),
 * written to {@code target/benchmark-<round>.jfr}: what changes to the server are decided
 * by, rather than by guess. Read with {@code jfr print --events
 * jdk.ExecutionSample} or JDK Mission Control.
 */
final class Profiles {

	private Profiles() {
	}

	static <T> T record(boolean enabled, String round, Supplier<T> work) {
		if (!enabled) {
			return work.get();
		}
		try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
			// Every millisecond rather than the profile settings' 10 or 20: short rounds
			// need the samples.
			recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(1));
			recording.start();
			T result = work.get();
			recording.stop();
			Path file = Path.of("target", "benchmark-" + round.replaceAll("[^A-Za-z0-9]+", "-") + ".jfr");
			Files.createDirectories(file.getParent());
			recording.dump(file);
			System.out.println("profile of " + round + ": " + file);
			return result;
		}
		catch (IOException | java.text.ParseException ex) {
			throw new UncheckedIOException(ex instanceof IOException io ? io : new IOException(ex));
		}
	}

}

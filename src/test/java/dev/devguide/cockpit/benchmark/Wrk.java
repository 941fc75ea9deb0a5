package dev.devguide.cockpit.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives an HTTP POST at fixed concurrency with wrk (Debian's {@code wrk} package), a
 * separate process, so that the load generator's cost is not the server's. Reads its
 * summary: requests, requests/s, and the latency percentiles of {@code --latency}.
 */
final class Wrk {

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");

	private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	private Wrk() {
	}

	/** What one run measured. */
	record Result(long requests, double perSecond, double p50Millis, double p99Millis, long failures) {
	}

	/** True when the {@code wrk} command can be run. */
	static boolean available() {
		try {
			Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
			probe.getInputStream().readAllBytes();
			probe.waitFor(10, TimeUnit.SECONDS);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * POSTs {@code body} with {@code headers} to {@code url} on {@code connections}
	 * connections.
	 */
	static Result post(String url, String body, Map<String, String> headers, int connections, Duration duration) {
		try {
			Path script = Files.createTempFile("cockpit-wrk-", ".lua");
			try {
				Files.writeString(script, lua(body, headers), StandardCharsets.UTF_8);
				Process wrk = new ProcessBuilder(List.of("wrk", "-t", String.valueOf(Math.min(2, connections)), "-c",
						String.valueOf(connections), "-d", duration.toSeconds() + "s", "--timeout", "60s", "--latency",
						"-s", script.toString(), url))
					.redirectErrorStream(true)
					.start();
				String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (wrk.waitFor() != 0) {
					throw new IllegalStateException("wrk failed:\n" + output);
				}
				return parse(output);
			}
			finally {
				Files.deleteIfExists(script);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Result parse(String output) {
		return new Result(Long.parseLong(find(REQUESTS, output, "0")), Double.parseDouble(find(RATE, output, "0")),
				millis(percentile(output, "50%")), millis(percentile(output, "99%")),
				Long.parseLong(find(NON_2XX, output, "0")));
	}

	private static String percentile(String output, String label) {
		Matcher matcher = Pattern
			.compile("^\\s*" + Pattern.quote(label) + "\\s+([0-9.]+(?:us|ms|s))\\s*$", Pattern.MULTILINE)
			.matcher(output);
		return matcher.find() ? matcher.group(1) : "0ms";
	}

	private static double millis(String value) {
		if (value.endsWith("us")) {
			return Double.parseDouble(value.substring(0, value.length() - 2)) / 1000;
		}
		if (value.endsWith("ms")) {
			return Double.parseDouble(value.substring(0, value.length() - 2));
		}
		return Double.parseDouble(value.substring(0, value.length() - 1)) * 1000;
	}

	private static String find(Pattern pattern, String output, String otherwise) {
		Matcher matcher = pattern.matcher(output);
		return matcher.find() ? matcher.group(1) : otherwise;
	}

	private static String lua(String body, Map<String, String> headers) {
		StringBuilder lua = new StringBuilder("wrk.method = \"POST\"\nwrk.body = ").append(quote(body)).append('\n');
		headers.forEach((name, value) -> lua.append("wrk.headers[")
			.append(quote(name))
			.append("] = ")
			.append(quote(value))
			.append('\n'));
		return lua.toString();
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

}

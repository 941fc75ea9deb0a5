package dev.devguide.cockpit.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link LoadClient} in a JVM of its own (same class path, 1 GiB heap), and the line
 * protocol the orchestrator speaks with it over its stdin and stdout.
 */
final class Clients implements AutoCloseable {

	private static final Pattern FIELD = Pattern.compile("(\\w+)=([0-9.]+)");

	private final Process process;

	private final BufferedReader output;

	private final PrintWriter input;

	private Clients(List<String> arguments) {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-XX:+UseParallelGC",
				"-cp", System.getProperty("java.class.path"), LoadClient.class.getName()));
		command.addAll(arguments);
		try {
			this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
	}

	static Clients start(String... arguments) {
		return new Clients(List.of(arguments));
	}

	/** Reads lines until one starts with {@code prefix} and returns it. */
	String await(String prefix) {
		try {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				if (line.startsWith(prefix)) {
					return line;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		throw new IllegalStateException("the load client ended before printing " + prefix);
	}

	void send(String line) {
		input.println(line);
	}

	/** The {@code name=number} fields of a RESULT line. */
	static Map<String, Double> fields(String line) {
		Map<String, Double> fields = new java.util.LinkedHashMap<>();
		Matcher matcher = FIELD.matcher(line);
		while (matcher.find()) {
			fields.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
		}
		return fields;
	}

	@Override
	public void close() {
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}

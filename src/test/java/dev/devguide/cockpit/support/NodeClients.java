package dev.devguide.cockpit.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node scripts of {@code clients/} (the real npm GraphQL clients and
 * graphql-http's audits) against the server. Skipped, by a JUnit assumption, where
 * {@code node} is not on the PATH (a machine with only a JDK); {@code npm ci} installs
 * the locked packages once per test JVM.
 */
public final class NodeClients {

	private static final Path DIRECTORY = Path.of("clients");

	private static boolean installed;

	private NodeClients() {
	}

	/** What {@code node script arguments...} printed, and its exit code. */
	public record Run(int exitCode, String output) {
	}

	/**
	 * {@code node script <url of /graphql> <token>}, with the token of a new user (role
	 * {@code user}).
	 */
	public static Run againstServer(String script, TestUsers users) {
		return run(script, "http://localhost:" + users.port() + "/graphql",
				users.token(script + "-" + UUID.randomUUID(), List.of("user")));
	}

	public static Run run(String script, String... arguments) {
		assumeTrue(onPath("node") && onPath("npm"), "node and npm are not on the PATH: the npm clients are skipped");
		install();
		List<String> command = new ArrayList<>(List.of("node", script));
		command.addAll(List.of(arguments));
		return execute(command, 5);
	}

	private static synchronized void install() {
		if (!installed) {
			Run npm = execute(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 10);
			if (npm.exitCode() != 0) {
				throw new IllegalStateException("npm ci failed in clients/: " + npm.output());
			}
			installed = true;
		}
	}

	private static Run execute(List<String> command, int minutes) {
		try {
			Path output = Files.createTempFile("node-clients", ".out");
			Process process = new ProcessBuilder(command).directory(DIRECTORY.toFile())
				.redirectErrorStream(false)
				.redirectOutput(output.toFile())
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not finish in " + minutes + " min");
			}
			String printed = Files.readString(output, StandardCharsets.UTF_8);
			Files.delete(output);
			return new Run(process.exitValue(), printed);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(directory, program))) {
				return true;
			}
		}
		return false;
	}

}

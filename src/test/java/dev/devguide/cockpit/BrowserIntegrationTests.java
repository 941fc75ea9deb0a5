package dev.devguide.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The headless Chromium tests of {@code browser/test/} (CORS from a page on another
 * origin, the offline GraphiQL) against this server, run by {@code node --test}. Only in
 * {@code ./mvnw verify -Pbrowser}; skipped, saying why, without Node 20+ or Chromium.
 */
@IntegrationTest
class BrowserIntegrationTests {

	private static final Path BROWSER = Path.of("browser");

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	// per test rather than per class, so that a skip is reported with its reason
	@BeforeEach
	void needsNodeAndChromium() throws Exception {
		assumeTrue(Boolean.getBoolean("cockpit.browser"), "the browser tests run with ./mvnw verify -Pbrowser");
		assumeTrue(nodeMajorVersion() >= 20, "the browser tests need Node 20 or newer on the PATH");
		assumeTrue(Files.isExecutable(CHROMIUM),
				"the browser tests need Chromium at " + CHROMIUM + " (apt-get install chromium, or set CHROMIUM)");
		if (!Files.isDirectory(BROWSER.resolve("node_modules"))) {
			assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund"), List.of(), 300)).isZero();
		}
	}

	@Test
	void corsAndGraphiQlInHeadlessChromium() throws Exception {
		String token = users.token("browser-" + UUID.randomUUID(), List.of("user"));
		int exit = run(List.of("node", "--test", "--test-reporter=spec", "test/"),
				List.of("COCKPIT_URL=http://localhost:" + port, "COCKPIT_TOKEN=" + token), 240);
		assertThat(exit).as("node --test in browser/ (its output is above)").isZero();
	}

	private static int nodeMajorVersion() {
		try {
			Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			node.waitFor(30, TimeUnit.SECONDS);
			return Integer.parseInt(version.replaceFirst("^v(\\d+).*", "$1"));
		}
		catch (IOException | InterruptedException | NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * Runs a command in browser/, bounded in time, and prints its output into the test's
	 * (through a file: a child writing to this JVM's own stdout would corrupt Failsafe's
	 * channel).
	 */
	private static int run(List<String> command, List<String> environment, int timeoutSeconds) throws Exception {
		Path output = Files.createTempFile("cockpit-browser-", ".log");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(BROWSER.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile());
			for (String entry : environment) {
				int equals = entry.indexOf('=');
				builder.environment().put(entry.substring(0, equals), entry.substring(equals + 1));
			}
			Process process = builder.start();
			boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
			if (!finished) {
				process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
			System.out.println(Files.readString(output));
			if (!finished) {
				throw new AssertionError(String.join(" ", command) + " took longer than " + timeoutSeconds + " s");
			}
			return process.exitValue();
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

}

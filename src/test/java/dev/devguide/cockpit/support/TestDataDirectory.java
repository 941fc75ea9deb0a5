package dev.devguide.cockpit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Gives each test JVM its own empty data directory (only on the test class path), so the
 * embedded MariaDB of the tests starts from nothing and never touches a developer's
 * {@code ~/.devguide-cockpit}.
 */
public class TestDataDirectory implements EnvironmentPostProcessor {

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

	private static Path create() {
		try {
			return Files.createTempDirectory("cockpit-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

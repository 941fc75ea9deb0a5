package dev.devguide.cockpit.persistence;

import java.nio.file.Path;

/**
 * Another process (a running server, or another {@code migrate}) holds the embedded
 * MariaDB's data directory.
 */
public class DataDirectoryInUseException extends IllegalStateException {

	DataDirectoryInUseException(Path dataDir) {
		super("The data directory " + dataDir
				+ " is in use by another Cockpit server; stop it or set COCKPIT_DATA_DIR to another directory");
	}

}

package dev.devguide.cockpit.security;

import dev.devguide.cockpit.persistence.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the key ring: {@code COCKPIT_KEYS} when set; on the embedded default a ring
 * generated once into {@code <data dir>/key-ring} (readable by the owner only), like the
 * JWT secret; with an external database and no {@code COCKPIT_KEYS}, none.
 */
public final class KeyRings {

	/** The file of the embedded default's generated ring, in the data directory. */
	public static final String FILE = "key-ring";

	private static final Logger log = LoggerFactory.getLogger(KeyRings.class);

	private KeyRings() {
	}

	/** The ring of the configuration, or null when secrets cannot be sealed. */
	public static @Nullable KeyRing resolve(@Nullable String configured, DatabaseSettings database) {
		if (configured != null && !configured.isBlank()) {
			KeyRing ring = KeyRing.parse(configured);
			log.info("Key ring from COCKPIT_KEYS: primary key id {}, {} keys", ring.primaryId(), ring.ids().size());
			return ring;
		}
		if (database.embedded()) {
			KeyRing ring = embedded(database.dataPath());
			log.info("Key ring from {}: primary key id {}", database.dataPath().resolve(FILE), ring.primaryId());
			return ring;
		}
		log.warn("COCKPIT_KEYS is not set: provider keys and OAuth tokens cannot be stored until it is");
		return null;
	}

	/** Reads the data directory's ring, generating it on first use. */
	public static KeyRing embedded(Path dataDir) {
		Path file = dataDir.resolve(FILE);
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(dataDir);
				SigningKeys.writeOwnerOnly(file, KeyRing.generate("local-1").format());
			}
			return KeyRing.parse(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + file, ex);
		}
	}

}

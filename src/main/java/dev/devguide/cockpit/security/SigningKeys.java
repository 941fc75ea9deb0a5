package dev.devguide.cockpit.security;

import dev.devguide.cockpit.persistence.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Finds the HS256 key: {@code COCKPIT_JWT_SECRET}, or on the embedded default a random
 * secret kept in {@code <data dir>/jwt-secret} so that tokens survive restarts.
 */
final class SigningKeys {

	static final int MIN_SECRET_BYTES = 32;

	private SigningKeys() {
	}

	static SecretKey fromSecret(String secret) {
		byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < MIN_SECRET_BYTES) {
			throw new IllegalStateException(
					"COCKPIT_JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes long for HS256");
		}
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

	/**
	 * Reads the data directory's secret, creating it (readable by the owner only) on
	 * first start.
	 */
	static SecretKey embedded(DatabaseSettings settings) {
		Path file = settings.dataPath().resolve("jwt-secret");
		try {
			if (!Files.exists(file)) {
				byte[] random = new byte[48];
				new SecureRandom().nextBytes(random);
				Files.createDirectories(file.getParent());
				writeOwnerOnly(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
			}
			return fromSecret(Files.readString(file).trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + file, ex);
		}
	}

	static void writeOwnerOnly(Path file, String content) throws IOException {
		Files.writeString(file, content, StandardCharsets.UTF_8);
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: keep the platform's default permissions
		}
	}

}

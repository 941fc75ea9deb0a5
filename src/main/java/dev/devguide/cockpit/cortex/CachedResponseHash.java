package dev.devguide.cockpit.cortex;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of a cached response: the lower-case hex SHA-256 of the UTF-8 bytes of
 * {@code provider + "\n" + prompt}, both as the API reads them (trimmed). A provider
 * cannot contain a line break (the API refuses it), so the first line break separates the
 * two and different pairs never give the same input. The hash is computed by the server
 * only; it is never accepted as input, so a lookup needs the whole prompt.
 */
final class CachedResponseHash {

	private CachedResponseHash() {
	}

	static String of(String provider, String prompt) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] digest = sha256.digest((provider + "\n" + prompt).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			// every Java platform has SHA-256
			throw new IllegalStateException(ex);
		}
	}

}

package dev.devguide.cockpit.graphql;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Opaque keyset cursors: base64url of {@code <epoch micros>:<id>} for lists ordered by
 * time, then id.
 */
public final class Cursors {

	private Cursors() {
	}

	/** A position in a list ordered by a timestamp and then an id. */
	public record Position(Instant time, String id) {
	}

	public static String encode(Instant time, String id) {
		long micros = time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
		String raw = micros + ":" + id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Decodes a cursor given in argument {@code field}; a malformed one is a BAD_REQUEST
	 * naming that field.
	 */
	public static Position decode(String cursor, String field) {
		try {
			String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int colon = raw.indexOf(':');
			long micros = Long.parseLong(raw.substring(0, colon));
			String id = raw.substring(colon + 1);
			if (id.isEmpty()) {
				throw new IllegalArgumentException();
			}
			return new Position(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
					Math.floorMod(micros, 1_000_000L) * 1_000L), id);
		}
		catch (RuntimeException ex) {
			throw ApiException.badRequest(field, "is not a cursor this API issued");
		}
	}

}

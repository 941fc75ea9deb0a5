package dev.devguide.cockpit.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * AES-256 key-encryption keys by id, one of them primary: new secrets are sealed under
 * the primary, the others only open what was sealed before a rotation. Written as
 * {@code id:base64key,id:base64key}, the primary first; an id is 1 to 32 letters, digits,
 * dots, dashes or underscores, a key 32 bytes in standard or URL-safe Base64. Nothing of
 * a key appears in a message or in {@link #toString()}.
 */
public final class KeyRing {

	static final int KEY_BYTES = 32;

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

	private final String primaryId;

	private final Map<String, SecretKey> keys;

	private KeyRing(String primaryId, Map<String, SecretKey> keys) {
		this.primaryId = primaryId;
		this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
	}

	/**
	 * Reads the ring from its text form; a malformed entry fails naming its position,
	 * never its content.
	 */
	public static KeyRing parse(String text) {
		Map<String, SecretKey> keys = new LinkedHashMap<>();
		String[] entries = text.strip().split("\\s*,\\s*");
		for (int i = 0; i < entries.length; i++) {
			String entry = entries[i];
			int colon = entry.indexOf(':');
			String where = "COCKPIT_KEYS entry " + (i + 1);
			if (colon < 0) {
				throw new IllegalArgumentException(where + " must be written id:base64key");
			}
			String id = entry.substring(0, colon).strip();
			if (!ID.matcher(id).matches()) {
				throw new IllegalArgumentException(
						where + ": the id must be 1 to 32 letters, digits, dots, dashes or underscores");
			}
			if (keys.put(id, new SecretKeySpec(decode(entry.substring(colon + 1).strip(), where), "AES")) != null) {
				throw new IllegalArgumentException(where + ": the id " + id + " is used twice");
			}
		}
		return new KeyRing(entries[0].substring(0, entries[0].indexOf(':')).strip(), keys);
	}

	/** A ring of one new random key under {@code id}. */
	public static KeyRing generate(String id) {
		return new KeyRing(id, Map.of(id, new SecretKeySpec(randomKey(), "AES")));
	}

	/** One new ring entry, {@code id:base64key}, to put in front of COCKPIT_KEYS. */
	public static String newEntry(String id) {
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("a key id must be 1 to 32 letters, digits, dots, dashes or underscores");
		}
		return id + ":" + Base64.getEncoder().encodeToString(randomKey());
	}

	/** The text form, primary first: what {@link #parse} reads. */
	public String format() {
		StringBuilder text = new StringBuilder();
		keys.forEach((id, key) -> text.append(text.isEmpty() ? "" : ",")
			.append(id)
			.append(':')
			.append(Base64.getEncoder().encodeToString(key.getEncoded())));
		return text.toString();
	}

	public String primaryId() {
		return primaryId;
	}

	SecretKey primary() {
		// the primary is the first entry parsed or the one generated
		return Objects.requireNonNull(keys.get(primaryId));
	}

	/** The key of this id, or null when the ring does not hold it. */
	@Nullable SecretKey key(String id) {
		return keys.get(id);
	}

	public Set<String> ids() {
		return keys.keySet();
	}

	@Override
	public String toString() {
		return "KeyRing[primary=" + primaryId + ", ids=" + keys.keySet() + "]";
	}

	private static byte[] decode(String base64, String where) {
		byte[] key;
		try {
			key = base64.contains("-") || base64.contains("_") ? Base64.getUrlDecoder().decode(base64)
					: Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(where + ": the key is not valid Base64");
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalArgumentException(
					where + ": the key must be " + KEY_BYTES + " bytes (AES-256), not " + key.length);
		}
		return key;
	}

	private static byte[] randomKey() {
		byte[] key = new byte[KEY_BYTES];
		new SecureRandom().nextBytes(key);
		return key;
	}

}

package dev.devguide.cockpit.security;

import dev.devguide.cockpit.graphql.ApiException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.jspecify.annotations.Nullable;

/**
 * Seals secrets (provider keys, OAuth tokens) with AES-256-GCM under the key ring's
 * primary key. A sealed value names its key id, and is bound to its place: the table,
 * column and row id are the GCM associated data, so a value copied into another row or
 * column does not open. Layout: version byte 1, key id length, key id (ASCII), 12-byte
 * nonce, ciphertext with its 16-byte tag. Without a ring nothing can be sealed, and the
 * refusal says what to configure.
 */
public final class SealedSecrets {

	/** Bytes a sealed value adds to its plaintext, at most: header, nonce and tag. */
	public static final int OVERHEAD = 2 + 32 + 12 + 16;

	private static final byte VERSION = 1;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final @Nullable KeyRing ring;

	public SealedSecrets(@Nullable KeyRing ring) {
		this.ring = ring;
	}

	/** Where a sealed value lives: its table, column and row id. */
	public record Binding(String table, String column, String rowId) {

		byte[] associatedData(String keyId) {
			return String.join("\u0000", "cockpit-sealed-v1", keyId, table, column, rowId)
				.getBytes(StandardCharsets.UTF_8);
		}

	}

	/** True when a key ring is configured, so secrets can be written. */
	public boolean available() {
		return ring != null;
	}

	/** The primary key's id; only with a ring. */
	public String primaryKeyId() {
		return ring().primaryId();
	}

	/**
	 * The secret sealed under the primary key for {@code binding}; without a ring, a
	 * BAD_REQUEST naming {@code field} that says how to configure one.
	 */
	public byte[] seal(String secret, Binding binding, String field) {
		if (ring == null) {
			throw ApiException.badRequest(field, "cannot be stored: this server has no key ring. Set COCKPIT_KEYS to "
					+ "id:base64key (a 32-byte AES-256 key in Base64; more keys after a comma, the first is the "
					+ "primary) to store provider keys and OAuth tokens");
		}
		return seal(secret.getBytes(StandardCharsets.UTF_8), ring.primaryId(), ring.primary(), binding);
	}

	/**
	 * The secret of a sealed value; a {@link SealedSecretException} when its key is not
	 * in the ring, or it was altered or belongs to another place.
	 */
	public String open(byte[] sealed, Binding binding) {
		String keyId;
		try {
			keyId = keyIdOf(sealed);
		}
		catch (IllegalArgumentException ex) {
			throw new SealedSecretException(binding, "unknown", "is not a sealed value");
		}
		SecretKey key = ring().key(keyId);
		if (key == null) {
			throw new SealedSecretException(binding, keyId, "is sealed under a key id the key ring does not hold; "
					+ "add that key to COCKPIT_KEYS after the primary");
		}
		int header = 2 + keyId.length();
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, header, NONCE_BYTES));
			cipher.updateAAD(binding.associatedData(keyId));
			byte[] plain = cipher.doFinal(sealed, header + NONCE_BYTES, sealed.length - header - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new SealedSecretException(binding, keyId,
					"does not open: it was altered, or copied from another row or column");
		}
	}

	/** The value opened and sealed again under the primary key, for the same place. */
	public byte[] reseal(byte[] sealed, Binding binding) {
		KeyRing current = ring();
		return seal(open(sealed, binding).getBytes(StandardCharsets.UTF_8), current.primaryId(), current.primary(),
				binding);
	}

	/** The id of the key a value is sealed under, read from its header. */
	public static String keyIdOf(byte[] sealed) {
		if (sealed.length < 2 || sealed[0] != VERSION || sealed[1] < 1 || sealed[1] > 32
				|| sealed.length < 2 + sealed[1] + NONCE_BYTES) {
			throw new IllegalArgumentException("not a sealed value of version " + VERSION);
		}
		return new String(sealed, 2, sealed[1], StandardCharsets.US_ASCII);
	}

	private KeyRing ring() {
		if (ring == null) {
			throw new IllegalStateException("No key ring is configured (COCKPIT_KEYS)");
		}
		return ring;
	}

	private static byte[] seal(byte[] plain, String keyId, SecretKey key, Binding binding) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(binding.associatedData(keyId));
			byte[] encrypted = cipher.doFinal(plain);
			byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
			return ByteBuffer.allocate(2 + id.length + NONCE_BYTES + encrypted.length)
				.put(VERSION)
				.put((byte) id.length)
				.put(id)
				.put(nonce)
				.put(encrypted)
				.array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available: " + ex.getClass().getSimpleName());
		}
	}

	@Override
	public String toString() {
		return "SealedSecrets[" + Objects.toString(ring, "no key ring") + "]";
	}

}

package dev.devguide.cockpit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The COCKPIT_KEYS format (the first entry is the primary), its refusals (which never
 * repeat a key), and the ring the embedded default generates once into the data
 * directory.
 */
class KeyRingTests {

	private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String KEY_B = Base64.getUrlEncoder().encodeToString(filled(32, (byte) 0xfb));

	@TempDir
	Path dataDir;

	@Test
	void readsEntriesWithTheFirstAsPrimary() {
		KeyRing ring = KeyRing.parse(" new-2:" + KEY_B + " , old_1:" + KEY_A);
		assertThat(ring.primaryId()).isEqualTo("new-2");
		assertThat(ring.ids()).containsExactly("new-2", "old_1");
		assertThat(ring.key("old_1")).isNotNull();
		assertThat(ring.key("missing")).isNull();
		assertThat(KeyRing.parse(ring.format()).ids()).containsExactly("new-2", "old_1");
		assertThat(ring.toString()).doesNotContain(KEY_A).doesNotContain(KEY_B).contains("new-2");
	}

	@Test
	void refusesMalformedEntriesWithoutRepeatingThem() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatThrownBy(() -> KeyRing.parse("a:" + shortKey)).hasMessageContaining("32 bytes")
			.hasMessageNotContaining(shortKey);
		assertThatThrownBy(() -> KeyRing.parse("a:" + KEY_A + ",b" + KEY_B)).hasMessageContaining("entry 2")
			.hasMessageNotContaining(KEY_B);
		assertThatThrownBy(() -> KeyRing.parse("a:not*base64")).hasMessageContaining("Base64")
			.hasMessageNotContaining("not*base64");
		assertThatThrownBy(() -> KeyRing.parse("a:" + KEY_A + ",a:" + KEY_B)).hasMessageContaining("twice");
		assertThatThrownBy(() -> KeyRing.parse("with space:" + KEY_A)).hasMessageContaining("id");
	}

	@Test
	void theEmbeddedDefaultGeneratesItsRingOnceOwnerOnly() throws IOException {
		KeyRing first = KeyRings.embedded(dataDir);
		KeyRing again = KeyRings.embedded(dataDir);
		Path file = dataDir.resolve(KeyRings.FILE);
		assertThat(file).exists();
		assertThat(again.format()).isEqualTo(first.format());
		assertThat(first.ids()).containsExactly(first.primaryId());
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

	@Test
	void newEntriesAreValidRingEntries() {
		String entry = KeyRing.newEntry("k2");
		assertThat(KeyRing.parse(entry + ",k1:" + KEY_A).primaryId()).isEqualTo("k2");
		assertThat(KeyRing.newEntry("k2")).isNotEqualTo(entry);
	}

	private static byte[] filled(int length, byte value) {
		byte[] bytes = new byte[length];
		java.util.Arrays.fill(bytes, value);
		return bytes;
	}

}

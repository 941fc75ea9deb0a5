package dev.devguide.cockpit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devguide.cockpit.graphql.ApiException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;

/**
 * Sealing: a value opens only in its own place (table, column, row) and unaltered; it
 * names its key, reseals under the primary after a rotation, and without a ring nothing
 * is sealed and the refusal says what to configure.
 */
class SealedSecretsTests {

	private static final String SECRET = "sk-test-0123456789abcdef";

	private static final KeyRing OLD = KeyRing.generate("old");

	private static final SealedSecrets.Binding ROW_A = new SealedSecrets.Binding("api_configurations",
			"api_key_encrypted", "row-a");

	@Test
	void opensInItsOwnPlaceOnly() {
		SealedSecrets secrets = new SealedSecrets(OLD);
		byte[] sealed = secrets.seal(SECRET, ROW_A, "input.apiKey");
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
		assertThat(SealedSecrets.keyIdOf(sealed)).isEqualTo("old");
		assertThat(secrets.open(sealed, ROW_A)).isEqualTo(SECRET);
		assertThat(sealed.length).isLessThanOrEqualTo(SECRET.length() + SealedSecrets.OVERHEAD);
		for (SealedSecrets.Binding elsewhere : new SealedSecrets.Binding[] {
				new SealedSecrets.Binding("api_configurations", "api_key_encrypted", "row-b"),
				new SealedSecrets.Binding("api_configurations", "other_column", "row-a"),
				new SealedSecrets.Binding("external_tool_access", "api_key_encrypted", "row-a") }) {
			assertThatThrownBy(() -> secrets.open(sealed, elsewhere)).isInstanceOf(SealedSecretException.class)
				.hasMessageContaining("does not open")
				.hasMessageNotContaining(SECRET);
		}
	}

	@Test
	void refusesAlteredValues() {
		SealedSecrets secrets = new SealedSecrets(OLD);
		byte[] sealed = secrets.seal(SECRET, ROW_A, "input.apiKey");
		for (int at : new int[] { 2, 2 + 3 + 1, sealed.length - 1, sealed.length - 20 }) {
			byte[] altered = sealed.clone();
			altered[at] ^= 0x01;
			assertThatThrownBy(() -> secrets.open(altered, ROW_A)).isInstanceOf(SealedSecretException.class);
		}
		assertThatThrownBy(() -> secrets.open(new byte[] { 9, 9, 9 }, ROW_A)).isInstanceOf(SealedSecretException.class);
	}

	@Test
	void sealsTheSameSecretDifferentlyEachTime() {
		SealedSecrets secrets = new SealedSecrets(OLD);
		assertThat(secrets.seal(SECRET, ROW_A, "f")).isNotEqualTo(secrets.seal(SECRET, ROW_A, "f"));
	}

	@Test
	void resealsUnderThePrimaryAfterARotationAndNeedsTheOldKeyToDoSo() {
		byte[] sealed = new SealedSecrets(OLD).seal(SECRET, ROW_A, "input.apiKey");
		KeyRing rotated = KeyRing.parse(KeyRing.newEntry("new") + "," + OLD.format());
		SealedSecrets secrets = new SealedSecrets(rotated);
		assertThat(secrets.open(sealed, ROW_A)).as("the old key still opens what it sealed").isEqualTo(SECRET);
		byte[] resealed = secrets.reseal(sealed, ROW_A);
		assertThat(SealedSecrets.keyIdOf(resealed)).isEqualTo("new");
		assertThat(secrets.open(resealed, ROW_A)).isEqualTo(SECRET);
		assertThat(secrets.seal(SECRET, ROW_A, "f"))
			.satisfies(v -> assertThat(SealedSecrets.keyIdOf(v)).isEqualTo("new"));

		SealedSecrets withoutOld = new SealedSecrets(KeyRing.parse(rotated.format().split(",")[0]));
		assertThatThrownBy(() -> withoutOld.open(sealed, ROW_A)).isInstanceOf(SealedSecretException.class)
			.hasMessageContaining("key id old")
			.hasMessageContaining("COCKPIT_KEYS");
		assertThat(withoutOld.open(resealed, ROW_A)).isEqualTo(SECRET);
	}

	@Test
	void withoutARingRefusesToSealAndSaysWhatToConfigure() {
		SealedSecrets none = new SealedSecrets(null);
		assertThat(none.available()).isFalse();
		assertThatThrownBy(() -> none.seal(SECRET, ROW_A, "input.apiKey")).isInstanceOfSatisfying(ApiException.class,
				ex -> {
					assertThat(ex.type()).isEqualTo(ErrorType.BAD_REQUEST);
					assertThat(ex.field()).isEqualTo("input.apiKey");
					assertThat(ex.getMessage()).contains("COCKPIT_KEYS").doesNotContain(SECRET);
				});
	}

}

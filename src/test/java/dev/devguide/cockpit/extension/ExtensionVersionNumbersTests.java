package dev.devguide.cockpit.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devguide.cockpit.graphql.ApiException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The SemVer rules of extension dashboard versions. */
class ExtensionVersionNumbersTests {

	@Test
	void onlySemVerTwoIsAVersion() {
		for (String good : new String[] { "1.0.0", "0.0.1", "10.20.30", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7",
				"1.0.0-x.7.z.92", "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85" }) {
			assertThatCode(() -> ExtensionVersionNumbers.parse(good, "version")).as(good).doesNotThrowAnyException();
		}
		for (String bad : new String[] { "1", "1.0", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0-01", "1.0.0.0", "latest",
				" 1.0.0", "1.0.0 ", "1.2.3-beta..1", "1.0.0+" }) {
			assertThatThrownBy(() -> ExtensionVersionNumbers.parse(bad, "version")).as(bad)
				.isInstanceOfSatisfying(ApiException.class, error -> assertThat(error.field()).isEqualTo("version"));
		}
	}

	@Test
	void aNewVersionMustBeGreaterThanTheLatest() {
		assertThatCode(() -> ExtensionVersionNumbers.requireNext("1.0.1", "1.0.0", "version"))
			.doesNotThrowAnyException();
		assertThatCode(() -> ExtensionVersionNumbers.requireNext("1.0.0", "1.0.0-rc.1", "version"))
			.doesNotThrowAnyException();
		assertThatCode(() -> ExtensionVersionNumbers.requireNext("0.1.0", null, "version")).doesNotThrowAnyException();
		for (String notGreater : new String[] { "1.0.0", "0.9.9", "1.0.0-rc.1", "1.0.0+build.2" }) {
			assertThatThrownBy(() -> ExtensionVersionNumbers.requireNext(notGreater, "1.0.0", "version")).as(notGreater)
				.isInstanceOfSatisfying(ApiException.class,
						error -> assertThat(error.getMessage()).contains("greater than the latest version, 1.0.0"));
		}
	}

	@Test
	void theGreatestIsBySemVerPrecedenceAndARollbackBumpsItsPatch() {
		assertThat(ExtensionVersionNumbers.greatest(Stream.of("1.9.0", "1.10.0", "1.10.0-rc.1", "not-semver")))
			.isEqualTo("1.10.0");
		assertThat(ExtensionVersionNumbers.greatest(Stream.of())).isNull();
		assertThat(ExtensionVersionNumbers.nextPatch("1.2.0")).isEqualTo("1.2.1");
		assertThat(ExtensionVersionNumbers.nextPatch("1.3.0-beta.2+b7")).isEqualTo("1.3.1");
	}

}

package dev.devguide.cockpit.cortex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The cache key is stable: the documented input, hashed with SHA-256, in lower-case hex.
 */
class CachedResponseHashTests {

	private static final String EXPECTED = "cd76f1e60bd72729ab7507ec8b8d5e3a1edc7a0f32e6c2a5ad232ad86d6fa6f3";

	@Test
	void isTheSha256OfProviderLineFeedPrompt() {
		// printf 'anthropic\nhello' | sha256sum
		assertThat(CachedResponseHash.of("anthropic", "hello")).isEqualTo(EXPECTED).hasSize(64).isLowerCase();
	}

	@Test
	void theSeparatorKeepsDifferentPairsApart() {
		assertThat(CachedResponseHash.of("ab", "c")).isNotEqualTo(CachedResponseHash.of("a", "bc"));
		// the reason a provider may not contain a line break
		// (CachedResponseInputs.provider)
		assertThat(CachedResponseHash.of("a", "b\nc")).isEqualTo(CachedResponseHash.of("a\nb", "c"));
	}

}

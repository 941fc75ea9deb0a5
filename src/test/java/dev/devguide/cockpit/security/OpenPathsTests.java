package dev.devguide.cockpit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenPathsTests {

	@Test
	void theEndpointGraphiqlAndHealthAreOpen() {
		assertThat(OpenPaths.open("/graphql")).isTrue();
		assertThat(OpenPaths.open("/graphiql")).isTrue();
		assertThat(OpenPaths.open("/graphiql/index.js")).isTrue();
		assertThat(OpenPaths.open("/actuator/health")).isTrue();
		assertThat(OpenPaths.open("/actuator/health/liveness")).isTrue();
	}

	@Test
	void nothingElseIs() {
		assertThat(OpenPaths.open("/graphql/x")).isFalse();
		assertThat(OpenPaths.open("/graphqlx")).isFalse();
		assertThat(OpenPaths.open("/actuator/metrics")).isFalse();
		assertThat(OpenPaths.open("/actuator/healthx")).isFalse();
		assertThat(OpenPaths.open("/")).isFalse();
	}

}

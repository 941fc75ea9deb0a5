package dev.devguide.cockpit.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.CockpitApplication;
import dev.devguide.cockpit.support.TestDataDirectory;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The embedded default with no JWT settings: the server makes its own secret, prints a
 * development token for user {@code dev} with role admin (living the maximum lifetime of
 * any token, 24 hours), writes it to {@code <data dir>/dev-token}, and the token works;
 * the health endpoint reports the database without a token.
 */
@ExtendWith(OutputCaptureExtension.class)
class DevelopmentTokenIntegrationTests {

	private final Path dataDir = TestDataDirectory.child("development-token");

	@Test
	void embeddedDefaultPrintsAndStoresAWorkingAdminToken(CapturedOutput output) throws IOException, ParseException {
		try (ConfigurableApplicationContext server = new SpringApplication(CockpitApplication.class).run(
				"--server.port=0", "--cockpit.data-dir=" + dataDir, "--cockpit.jwt.secret=",
				"--logging.level.root=warn")) {
			String token = Files.readString(dataDir.resolve("dev-token")).trim();
			assertThat(output.getOut()).contains("Development token: " + token);
			assertThat(dataDir.resolve("jwt-secret")).exists();
			assertThat(dataDir.resolve(KeyRings.FILE)).as("the generated key ring").exists();
			JWTClaimsSet claims = JWTParser.parse(token).getJWTClaimsSet();
			assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
				.as("the development token lives as long as any token may, not 30 days")
				.isEqualTo(JwtSettings.DEFAULT_MAX_LIFETIME);

			WebTestClient client = WebTestClient.bindToServer()
				.baseUrl("http://localhost:" + server.getEnvironment().getProperty("local.server.port"))
				.build();
			client.post()
				.uri("/graphql")
				.header("Authorization", "Bearer " + token)
				.bodyValue(Map.of("query", "mutation { createProject(input: {name: \"dev\"}) { ownerUserId } }"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.data.createProject.ownerUserId")
				.isEqualTo("dev");
			client.get()
				.uri("/actuator/health")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP")
				.jsonPath("$.components.r2dbc.status")
				.isEqualTo("UP");
			// anything else needs a token
			client.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
			client.get().uri("/graphql/other").exchange().expectStatus().isUnauthorized();
		}
	}

}

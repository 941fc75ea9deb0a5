package dev.devguide.cockpit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.devguide.cockpit.CockpitApplication;
import dev.devguide.cockpit.support.TestDataDirectory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Readiness includes the database and liveness does not: a server whose MariaDB is killed
 * answers 503 on {@code /actuator/health/readiness} and 200 on
 * {@code /actuator/health/liveness}, without a token. The supervisor starts a dead
 * MariaDB again on the same port and data, and a killed one again, with one log line per
 * event, and readiness is UP again.
 */
@ExtendWith(OutputCaptureExtension.class)
class HealthProbesIntegrationTests {

	private static final Duration WAIT = Duration.ofMinutes(3);

	private static EmbeddedMariaDb database;

	private static ConfigurableApplicationContext server;

	private static WebTestClient client;

	@BeforeAll
	static void start() {
		database = EmbeddedMariaDb.start(TestDataDirectory.child("probes"));
		DatabaseEndpoint endpoint = database.endpoint();
		new SchemaChanges(new Migrations(endpoint), false).apply();
		server = new SpringApplication(CockpitApplication.class).run("--server.port=0",
				"--cockpit.db.url=r2dbc:mysql://" + endpoint.host() + ":" + endpoint.port() + "/" + endpoint.database()
						+ "?sslMode=DISABLED",
				"--cockpit.db.user=" + endpoint.user(), "--cockpit.db.password=" + endpoint.password(),
				"--cockpit.jwt.secret=probes-secret-probes-secret-probes-secret", "--logging.level.root=warn",
				"--logging.level.dev.devguide.cockpit.persistence=info");
		client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + server.getEnvironment().getProperty("local.server.port"))
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@AfterAll
	static void stop() {
		server.close();
		database.close();
	}

	@Test
	void readinessFollowsTheDatabaseAndLivenessDoesNotAndAKilledMariaDbIsRestarted(CapturedOutput output)
			throws Exception {
		assertThat(status("/actuator/health/readiness")).isEqualTo(200);
		assertThat(status("/actuator/health/liveness")).isEqualTo(200);

		int before = output.getOut().length();
		kill(database.pid());
		await().atMost(WAIT).until(() -> status("/actuator/health/readiness") == 503);
		assertThat(status("/actuator/health")).isEqualTo(503);
		assertThat(status("/actuator/health/liveness")).as("liveness does not follow the database").isEqualTo(200);

		// Not supervised until now, so it stayed down; the supervisor sees it dead.
		database.supervise(new EmbeddedSettings(null, Duration.ofMillis(100), null));
		await().atMost(WAIT).until(() -> status("/actuator/health/readiness") == 200);
		String running = "The embedded MariaDB is running again on 127.0.0.1:" + database.endpoint().port();
		await().atMost(WAIT).until(() -> output.getOut().contains(running));

		// A kill while supervised.
		kill(database.pid());
		await().atMost(WAIT).until(() -> output.getOut().contains(", restart 2)"));
		await().atMost(WAIT).until(() -> status("/actuator/health/readiness") == 200);
		assertThat(output.getOut().substring(before)).contains("exited; restart 2 in")
			.as("one line per event, no stack trace")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
	}

	private static void kill(long pid) throws Exception {
		ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
		process.destroyForcibly();
		process.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	private static int status(String path) {
		return client.get().uri(path).exchange().returnResult(String.class).getStatus().value();
	}

}

package dev.devguide.cockpit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.devguide.cockpit.CockpitApplication;
import dev.devguide.cockpit.security.TokenIssuer;
import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.TestDataDirectory;
import dev.devguide.cockpit.support.TestUsers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A server on the embedded default, on a data directory of its own:
 * {@code migrate status} while it runs answers one line that says what to do, and its
 * shutdown with a subscription open drains HTTP, completes the subscription, then closes
 * the pool and stops the embedded MariaDB, with no {@code Connection unexpectedly closed}
 * and no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleIntegrationTests {

	private static final Duration WAIT = Duration.ofMinutes(2);

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
	};

	private static final String SUBSCRIPTION = """
			subscription($p: ID!, $after: String) { syncBufferStatusChanged(projectId: $p, after: $after) { cursor } }""";

	private static final Path DATA_DIR = TestDataDirectory.child("lifecycle");

	private static ConfigurableApplicationContext server;

	@BeforeAll
	static void start() {
		server = new SpringApplication(CockpitApplication.class).run("--server.port=0",
				"--cockpit.data-dir=" + DATA_DIR, "--cockpit.jwt.secret=lifecycle-secret-lifecycle-secret-lifecycle",
				"--logging.level.root=warn",
				"--logging.level.org.springframework.boot.reactor.netty.GracefulShutdown=info",
				"--logging.level.dev.devguide.cockpit.persistence=info");
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	@Order(1)
	void migrateStatusWhileTheServerRunsSaysToStopItOrAskIt(CapturedOutput output) {
		StringWriter text = new StringWriter();
		int before = output.getOut().length() + output.getErr().length();

		int exit = MigrationCli.run(List.of("status"), Map.of("COCKPIT_DATA_DIR", DATA_DIR.toString()),
				new PrintWriter(text, true));

		assertThat(exit).isEqualTo(1);
		assertThat(text.toString().lines()).singleElement()
			.asString()
			.startsWith("migrate: the data directory " + DATA_DIR + " is in use by a running Cockpit server")
			.contains("Stop the server first")
			.contains("schemaStatus");
		assertThat(output.getOut().length() + output.getErr().length()).as("nothing else printed").isEqualTo(before);
	}

	@Test
	@Order(2)
	void shutdownCompletesSubscriptionsThenClosesThePoolThenStopsTheDatabase(CapturedOutput output) throws Exception {
		TestUsers users = new TestUsers(server.getBean(TokenIssuer.class), server.getBean(SecretKey.class),
				server.getEnvironment());
		Fixtures fixtures = new Fixtures(users.user("lifecycle-owner"));
		String project = fixtures.project();
		List<String> seen = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> ended = new CompletableFuture<>();
		WebClient.create("http://localhost:" + users.port() + "/graphql")
			.post()
			.accept(MediaType.TEXT_EVENT_STREAM)
			.contentType(MediaType.APPLICATION_JSON)
			.headers(headers -> headers.setBearerAuth(users.token("lifecycle-owner", List.of("user"))))
			.bodyValue(Map.of("query", SUBSCRIPTION, "variables", Map.of("p", project, "after", "0")))
			.retrieve()
			.bodyToFlux(EVENT)
			.subscribe(event -> seen.add(String.valueOf(event.event())), ended::completeExceptionally,
					() -> ended.complete(null));
		// An event (from the start, whenever the subscription begins) shows it is open.
		fixtures.submit(project, null, Map.of("k", "v"));
		await().atMost(WAIT).until(() -> seen.contains("next"));
		int before = output.getOut().length();

		server.close();

		ended.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(seen).as("the SSE stream ends with complete").last().isEqualTo("complete");
		String log = output.getOut().substring(before);
		assertThat(log).doesNotContain("Connection unexpectedly closed")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
		int graceful = log.indexOf("Commencing graceful shutdown");
		int drained = log.indexOf("Graceful shutdown complete");
		int pool = log.indexOf("Connection pool closed");
		int database = log.indexOf("Embedded MariaDB stopped");
		assertThat(graceful).as("graceful shutdown logged").isNotNegative();
		assertThat(drained).as("HTTP drained after it began").isGreaterThan(graceful);
		assertThat(pool).as("the pool closed after HTTP drained").isGreaterThan(drained);
		assertThat(database).as("the database stopped after the pool").isGreaterThan(pool);
	}

}

package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.ProviderClient.input;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GeneralLog;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Distinctive provider keys and OAuth tokens sent in successful and refused mutations
 * appear in no response, no line of the server's output, no audit or version row, and
 * never reach the database in clear (its general log of every statement).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ProviderSecrecyIntegrationTests {

	@Autowired
	TestUsers users;

	@Autowired
	DatabaseClient db;

	@Autowired
	LoggingSystem logging;

	@Test
	void noKeyOrTokenIsReturnedLoggedAuditedOrStoredInClear(CapturedOutput output) {
		String marker = "zqx" + UUID.randomUUID().toString().replace("-", "");
		List<String> secrets = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			secrets.add("sk-" + marker + "-" + i);
		}
		String userId = "secrecy-" + marker;
		HttpGraphQlTester tester = users.user(userId);
		ProviderClient providers = new ProviderClient(tester);
		ToolClient owner = new ToolClient(tester);
		String project = new Fixtures(tester).project();
		String tool = new ToolClient(users.admin("secrecy-admin-" + marker)).tool("secrecy-" + marker, null);
		List<String> responses = new ArrayList<>();

		// The application's own loggers at DEBUG for this test, so that their debug lines
		// are searched too.
		logging.setLogLevel("dev.devguide.cockpit", LogLevel.DEBUG);
		List<String> received;
		try {
			received = statements(marker, secrets, providers, owner, project, tool, responses);
		}
		finally {
			logging.setLogLevel("dev.devguide.cockpit", null);
		}
		check(output, userId, secrets, responses, received);
	}

	private List<String> statements(String marker, List<String> secrets, ProviderClient providers, ToolClient owner,
			String project, String tool, List<String> responses) {
		return GeneralLog.statementsWhile(db, "%" + marker + "%", () -> {
			Map<String, Object> configured = providers.configure(project,
					input("provider", "a", "model", "m", "apiKey", secrets.get(0)));
			responses.add(String.valueOf(configured));
			String id = (String) configured.get("id");
			responses.add(text(
					providers.configuring(project, input("provider", "a", "model", "m", "apiKey", secrets.get(1)))));
			responses.add(text(providers.configuring(project,
					input("provider", "b", "model", "m", "apiKey", secrets.get(2), "temperature", 9))));
			responses.add(String.valueOf(providers.update(id, input("apiKey", secrets.get(3)))));
			responses.add(text(providers.updating(id, input("apiKey", secrets.get(4), "maxTokens", -5))));
			responses.add(String.valueOf(providers.providers(project)));
			Map<String, Object> oauth = input("accessToken", secrets.get(5), "refreshToken", secrets.get(6));
			Map<String, Object> granted = owner.grant(project, tool, input("oauth", oauth));
			responses.add(String.valueOf(granted));
			String grant = (String) granted.get("id");
			responses.add(text(owner.granting(project, tool, input("oauth", oauth))));
			responses
				.add(String.valueOf(owner.updateAccess(grant, input("oauth", input("accessToken", secrets.get(7))))));
			responses.add(text(owner.updatingAccess(grant,
					input("accessType", "OWNER", "oauth", input("accessToken", secrets.get(8))))));
			responses.add(String.valueOf(owner.access(project)));
		});
	}

	private void check(CapturedOutput output, String userId, List<String> secrets, List<String> responses,
			List<String> received) {
		TestDatabase database = new TestDatabase(db);
		String audit = String
			.valueOf(database.rows("SELECT * FROM audit_logs WHERE user_id = :user", Map.of("user", userId)));
		assertThat(audit).as("the audit rows of the secrets' user").contains("provider.configure", "failure");
		for (String secret : secrets) {
			assertThat(String.join("\n", responses)).as("responses").doesNotContain(secret);
			assertThat(output.getAll()).as("the server's output").doesNotContain(secret);
			assertThat(audit).as("audit rows").doesNotContain(secret);
			assertThat(String.join("\n", received)).as("statements the database received").doesNotContain(secret);
			assertThat(database.rows("SELECT COUNT(*) AS n FROM audit_logs WHERE CAST(metadata AS CHAR) LIKE :s",
					Map.of("s", "%" + secret + "%")))
				.as("any audit row")
				.containsExactly(Map.of("n", 0L));
			assertThat(database.rows("SELECT COUNT(*) AS n FROM version_history WHERE CAST(snapshot AS CHAR) LIKE :s",
					Map.of("s", "%" + secret + "%")))
				.as("any version snapshot")
				.containsExactly(Map.of("n", 0L));
		}
	}

	private static String text(GraphQlTester.Response response) {
		StringBuilder all = new StringBuilder();
		response.errors().satisfy(errors -> all.append(errors));
		return all.toString();
	}

}

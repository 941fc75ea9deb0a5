package dev.devguide.cockpit.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.NodeClients;
import dev.devguide.cockpit.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real npm clients ({@code clients/clients.mjs}): graphql-http for queries and
 * mutations, graphql-ws and graphql-sse subscribing to syncBufferStatusChanged and
 * violationDetected from the start and resumed after a cursor. Runs with
 * {@code ./mvnw verify -Pclients} (tag {@code clients}); skipped where node is not
 * installed.
 */
@IntegrationTest
@Tag("clients")
class NpmClientsIntegrationTests {

	@Autowired
	TestUsers users;

	@Test
	void theNpmClientsQueryMutateSubscribeAndResume() {
		NodeClients.Run run = NodeClients.againstServer("clients.mjs", users);
		Map<String, List<Map<String, Object>>> report = JsonMapper.builder()
			.build()
			.readValue(run.output(), new TypeReference<>() {
			});
		assertThat(report.get("checks")).as(run.output())
			.hasSizeGreaterThanOrEqualTo(12)
			.allSatisfy(check -> assertThat(check.get("ok")).as(String.valueOf(check)).isEqualTo(true));
		assertThat(run.exitCode()).as(run.output()).isZero();
	}

}

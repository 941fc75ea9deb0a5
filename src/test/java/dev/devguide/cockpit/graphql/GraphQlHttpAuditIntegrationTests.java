package dev.devguide.cockpit.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.NodeClients;
import dev.devguide.cockpit.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * graphql-http's server audits (the GraphQL over HTTP specification's MUSTs and SHOULDs)
 * against the real server, with a user's bearer token: no audit may warn or fail. Skipped
 * where node is not installed.
 */
@IntegrationTest
class GraphQlHttpAuditIntegrationTests {

	@Autowired
	TestUsers users;

	@Test
	void theServerPassesGraphqlHttpsAudits() {
		NodeClients.Run run = NodeClients.againstServer("audit.mjs", users);
		assertThat(run.exitCode()).as(run.output()).isZero();
		List<Map<String, Object>> results = JsonMapper.builder().build().readValue(run.output(), new TypeReference<>() {
		});
		assertThat(results).as("audits").hasSizeGreaterThan(50);
		assertThat(results).as("audits that warned or failed")
			.filteredOn(result -> !"ok".equals(result.get("status")) && !"notice".equals(result.get("status")))
			.isEmpty();
		assertThat(results).as("notices (README lists each)")
			.filteredOn(result -> "notice".equals(result.get("status")))
			.extracting(result -> result.get("id"))
			.isSubsetOf(DOCUMENTED_NOTICES);
	}

	/**
	 * The notices README explains ("graphql-http audits"): MAYs of POST that Spring for
	 * GraphQL's handler answers otherwise. A5BF: an empty POST body is not a 400 (issue
	 * 11's hardening makes it one); LKJ1, LKJ2, 6C01, 6C02: a {@code query} or
	 * {@code operationName} of 0 or false is answered as a GraphQL error, not a 400.
	 */
	private static final List<String> DOCUMENTED_NOTICES = List.of("A5BF", "LKJ1", "LKJ2", "6C01", "6C02");

}

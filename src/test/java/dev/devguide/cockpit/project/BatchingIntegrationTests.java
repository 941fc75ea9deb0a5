package dev.devguide.cockpit.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.SeededHierarchy;
import dev.devguide.cockpit.support.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The five-level query projects > profiles > dashboards > modules > capabilities costs
 * the same number of SQL statements, at most 6, for 5 projects and for 50: every relation
 * goes through a batching DataLoader.
 */
@IntegrationTest
class BatchingIntegrationTests {

	// language=GraphQL
	private static final String FIVE_LEVELS = """
			query FiveLevels($first: Int) {
			  projects(first: $first) {
			    edges { node { id name
			      profiles { id name
			        dashboards { id name position
			          modules { id name moduleType
			            capabilities { id capabilityType granted } } } } } }
			  }
			}""";

	@Autowired
	DatabaseClient db;

	@Autowired
	TestUsers users;

	@Test
	void fiveLevelQueryCostsTheSameStatementsForFiveAndFiftyProjects() {
		String small = "batch-small-" + UUID.randomUUID();
		String large = "batch-large-" + UUID.randomUUID();
		SeededHierarchy.Seeded five = new SeededHierarchy(db).projects(small, 5);
		SeededHierarchy.Seeded fifty = new SeededHierarchy(db).projects(large, 50);

		long forFive = statementsFor(small, five);
		long forFifty = statementsFor(large, fifty);

		System.out.printf("SQL statements executed for the five-level query: 5 projects -> %d, 50 projects -> %d%n",
				forFive, forFifty);
		assertThat(forFifty).isEqualTo(forFive);
		assertThat(forFive).isLessThanOrEqualTo(6);
	}

	private long statementsFor(String owner, SeededHierarchy.Seeded seeded) {
		// warm the pool and the plan cache
		users.user(owner).document(FIVE_LEVELS).variable("first", 100).execute();
		long probe = questions();
		long probeCost = questions() - probe;
		long before = questions();
		var response = users.user(owner).document(FIVE_LEVELS).variable("first", 100).execute();
		long after = questions();
		response.path("projects.edges").entityList(Object.class).hasSize(seeded.projectIds().size());
		response.path("projects.edges[*].node.profiles[*].dashboards[*].modules[*].capabilities[*]")
			.entityList(Object.class)
			.hasSize(seeded.capabilityCount());
		return (after - before) - probeCost;
	}

	/**
	 * The server's count of statements received from clients, including this probe
	 * itself.
	 */
	private long questions() {
		return db.sql("SHOW GLOBAL STATUS LIKE 'Questions'")
			.map(row -> Long.parseLong(row.get("Value", String.class)))
			.one()
			.block();
	}

}

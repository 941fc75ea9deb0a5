package dev.devguide.cockpit.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
		new HierarchyFixture(db).create(small, 5);
		new HierarchyFixture(db).create(large, 50);

		long forFive = statementsFor(small, 5);
		long forFifty = statementsFor(large, 50);

		System.out.printf("SQL statements executed for the five-level query: 5 projects -> %d, 50 projects -> %d%n",
				forFive, forFifty);
		assertThat(forFifty).isEqualTo(forFive);
		assertThat(forFive).isLessThanOrEqualTo(6);
	}

	private long statementsFor(String owner, int projects) {
		users.user(owner).document(FIVE_LEVELS).variable("first", 100).execute(); // warm
																					// the
																					// pool
																					// and
																					// the
																					// plan
																					// cache
		long probe = questions();
		long probeCost = questions() - probe;
		long before = questions();
		var response = users.user(owner).document(FIVE_LEVELS).variable("first", 100).execute();
		long after = questions();
		response.path("projects.edges").entityList(Object.class).hasSize(projects);
		response.path("projects.edges[*].node.profiles[*].dashboards[*].modules[*].capabilities[*]")
			.entityList(Object.class)
			.hasSize(projects * HierarchyFixture.CAPABILITIES_PER_PROJECT);
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

	/**
	 * Inserts a full hierarchy for one owner with multi-row INSERTs (setup only; the
	 * query under test is HTTP).
	 */
	static final class HierarchyFixture {

		static final int CAPABILITIES_PER_PROJECT = 2 * 2 * 2 * 1;

		private final DatabaseClient db;

		HierarchyFixture(DatabaseClient db) {
			this.db = db;
		}

		void create(String owner, int count) {
			List<List<Object>> projects = new ArrayList<>();
			List<List<Object>> profiles = new ArrayList<>();
			List<List<Object>> dashboards = new ArrayList<>();
			List<List<Object>> modules = new ArrayList<>();
			List<List<Object>> capabilities = new ArrayList<>();
			for (int p = 0; p < count; p++) {
				String project = UUID.randomUUID().toString();
				projects.add(List.of(project, "project " + p, owner));
				for (int f = 0; f < 2; f++) {
					String profile = UUID.randomUUID().toString();
					profiles.add(List.of(profile, project, "profile " + f));
					for (int d = 0; d < 2; d++) {
						String dashboard = UUID.randomUUID().toString();
						dashboards.add(List.of(dashboard, profile, "dashboard " + d, "{}", d));
						for (int m = 0; m < 2; m++) {
							String module = UUID.randomUUID().toString();
							modules.add(List.of(module, dashboard, "checklist", "module " + m, "{}", m));
							capabilities.add(List.of(UUID.randomUUID().toString(), module, "file_write"));
						}
					}
				}
			}
			insert("projects (id, name, owner_user_id)", projects);
			insert("profiles (id, project_id, name)", profiles);
			insert("dashboards (id, profile_id, name, layout, position)", dashboards);
			insert("modules (id, dashboard_id, module_type, name, configuration, position)", modules);
			insert("capabilities (id, module_id, capability_type)", capabilities);
		}

		private void insert(String table, List<List<Object>> rows) {
			StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" VALUES ");
			Map<String, Object> params = new java.util.LinkedHashMap<>();
			for (int r = 0; r < rows.size(); r++) {
				sql.append(r == 0 ? "(" : ", (");
				List<Object> row = rows.get(r);
				for (int c = 0; c < row.size(); c++) {
					String name = "p" + r + "_" + c;
					sql.append(c == 0 ? ":" : ", :").append(name);
					params.put(name, row.get(c));
				}
				sql.append(')');
			}
			DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
			for (Map.Entry<String, Object> param : params.entrySet()) {
				spec = spec.bind(param.getKey(), param.getValue());
			}
			spec.then().block();
		}

	}

}

package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.support.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GraphQlErrors;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Deletes cascade down the hierarchy and no further: checked in the tables themselves for
 * the deleted subtree, its siblings, another project of the same owner and a system
 * guardrail.
 */
@IntegrationTest
class CascadeIntegrationTests {

	@Autowired
	TestUsers users;

	@Autowired
	DatabaseClient databaseClient;

	private HttpGraphQlTester owner;

	private Fixtures fixtures;

	private TestDatabase database;

	/** Every row the test made: id to table. */
	private final Map<String, String> tables = new LinkedHashMap<>();

	/** Every row the test made: id to the ids directly below it. */
	private final Map<String, List<String>> children = new LinkedHashMap<>();

	private String systemGuardrail;

	@BeforeEach
	void setUp() {
		owner = users.user(unique("cascade-owner"));
		fixtures = new Fixtures(owner);
		database = new TestDatabase(databaseClient);
		systemGuardrail = new Fixtures(users.admin(unique("cascade-admin"))).guardrail(null, unique("system"));
		add("guardrails", systemGuardrail, null);
	}

	@Test
	void deletingAProjectRemovesEverythingUnderItAndNothingElse() {
		String doomed = tree("Doomed");
		tree("Survivor");
		assertOnlyGone(Set.of());

		delete("deleteProject", doomed);

		assertOnlyGone(subtree(doomed));
		// language=GraphQL
		owner.document("query($id: ID!) { project(id: $id) { id } }")
			.variable("id", doomed)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.single("NOT_FOUND"));
	}

	@Test
	void deletingAProfileCascadesBelowItOnly() {
		String project = tree("Profiles");
		tree("Other");
		String profile = children.get(project).get(1);

		delete("deleteProfile", profile);

		assertOnlyGone(subtree(profile));
	}

	@Test
	void deletingADashboardCascadesBelowItOnly() {
		String project = tree("Dashboards");
		String dashboard = children.get(children.get(project).get(1)).get(0);

		delete("deleteDashboard", dashboard);

		assertOnlyGone(subtree(dashboard));
	}

	@Test
	void deletingAModuleCascadesBelowItOnly() {
		String project = tree("Modules");
		String module = children.get(children.get(children.get(project).get(2)).get(1)).get(0);

		delete("deleteModule", module);

		assertOnlyGone(subtree(module));
	}

	/**
	 * A project with a guardrail, two profiles, two dashboards each, two modules each and
	 * one capability per module; returns the project's id. The project's first child is
	 * its guardrail, then come its profiles.
	 */
	private String tree(String name) {
		String project = fixtures.project(name + " " + unique("cascade"));
		add("projects", project, null);
		add("guardrails", fixtures.guardrail(project, unique("rule")), project);
		for (int p = 0; p < 2; p++) {
			String profile = fixtures.profile(project, "P" + p);
			add("profiles", profile, project);
			for (int d = 0; d < 2; d++) {
				String dashboard = fixtures.dashboard(profile, "D" + d);
				add("dashboards", dashboard, profile);
				for (int m = 0; m < 2; m++) {
					String module = fixtures.module(dashboard, "M" + m);
					add("modules", module, dashboard);
					add("capabilities", fixtures.grant(module, "file_write"), module);
				}
			}
		}
		return project;
	}

	private void add(String table, String id, String parent) {
		tables.put(id, table);
		children.put(id, new ArrayList<>());
		if (parent != null) {
			children.get(parent).add(id);
		}
	}

	private Set<String> subtree(String id) {
		Set<String> ids = new HashSet<>();
		ids.add(id);
		children.get(id).forEach(child -> ids.addAll(subtree(child)));
		return ids;
	}

	private void delete(String mutation, String id) {
		owner.document("mutation($id: ID!) { " + mutation + "(id: $id) }")
			.variable("id", id)
			.execute()
			.path(mutation)
			.entity(String.class)
			.isEqualTo(id);
	}

	/**
	 * Exactly the rows in {@code gone} are missing from their tables; every other row the
	 * test made is there.
	 */
	private void assertOnlyGone(Set<String> gone) {
		Set<String> present = new HashSet<>();
		for (String table : new HashSet<>(tables.values())) {
			List<String> ids = tables.entrySet()
				.stream()
				.filter(entry -> entry.getValue().equals(table))
				.map(Map.Entry::getKey)
				.toList();
			database.rows("SELECT id FROM " + table + " WHERE id IN (:ids)", Map.of("ids", ids))
				.forEach(row -> present.add((String) row.get("id")));
		}
		for (Map.Entry<String, String> row : tables.entrySet()) {
			assertThat(present.contains(row.getKey())).as("%s row %s is present", row.getValue(), row.getKey())
				.isEqualTo(!gone.contains(row.getKey()));
		}
		assertThat(present).contains(systemGuardrail);
	}

}

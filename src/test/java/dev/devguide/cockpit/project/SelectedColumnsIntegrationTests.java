package dev.devguide.cockpit.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.GeneralLog;
import dev.devguide.cockpit.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The loaders read the columns the request selects and no others (a JSON layout or
 * configuration only when it is asked for), and a row read for one selection is never
 * served to a wider one in the same request.
 */
@IntegrationTest
class SelectedColumnsIntegrationTests {

	// language=GraphQL
	private static final String TREE = """
			query {
			  projects(first: 10) { edges { node { id name
			    profiles { id name dashboards { id name position modules { id name moduleType } } } } } }
			}""";

	// language=GraphQL
	private static final String TREE_WITH_JSON = """
			query {
			  projects(first: 10) { edges { node { id
			    profiles { id dashboards { id layout modules { id configuration } } } } } }
			}""";

	@Autowired
	DatabaseClient db;

	@Autowired
	TestUsers users;

	@Test
	void readsOnlyTheSelectedColumns() {
		String owner = Fixtures.unique("columns");
		HttpGraphQlTester user = users.user(owner);
		Fixtures fixtures = new Fixtures(user);
		String dashboard = fixtures.dashboard(fixtures.profile(fixtures.project("Columns"), "P"), "D");
		fixtures.module(dashboard, "M");

		List<String> narrow = statementsOf(() -> user.document(TREE).executeAndVerify());
		assertThat(narrow).filteredOn(sql -> sql.contains("FROM dashboards"))
			.singleElement()
			.satisfies(columns(List.of("name", "position"), List.of("layout", "description", "created_at")));
		assertThat(narrow).filteredOn(sql -> sql.contains("FROM modules"))
			.singleElement()
			.satisfies(columns(List.of("name", "module_type"), List.of("configuration", "position", "created_at")));
		assertThat(narrow).filteredOn(sql -> sql.contains("FROM projects"))
			.singleElement()
			.satisfies(columns(List.of("name"), List.of("description", "git_repository")));

		List<String> wide = statementsOf(() -> user.document(TREE_WITH_JSON).executeAndVerify());
		assertThat(wide).filteredOn(sql -> sql.contains("FROM dashboards"))
			.singleElement()
			.satisfies(columns(List.of("layout"), List.of("name", "description")));
		assertThat(wide).filteredOn(sql -> sql.contains("FROM modules"))
			.singleElement()
			.satisfies(columns(List.of("configuration"), List.of("name", "module_type")));
	}

	@Test
	void aRowReadForANarrowSelectionIsNotServedToAWiderOne() {
		HttpGraphQlTester user = users.user(Fixtures.unique("aliases"));
		Fixtures fixtures = new Fixtures(user);
		String project = fixtures.project("Aliased");
		fixtures.profile(project, Map.of("name", "Main", "description", "The main profile"));

		// language=GraphQL
		String document = """
				query($id: ID!) {
				  narrow: project(id: $id) { profiles { id } }
				  wide: project(id: $id) { profiles { id name description createdAt } }
				}""";
		user.document(document)
			.variable("id", project)
			.execute()
			.path("wide.profiles[0].name")
			.entity(String.class)
			.isEqualTo("Main")
			.path("wide.profiles[0].description")
			.entity(String.class)
			.isEqualTo("The main profile")
			.path("wide.profiles[0].createdAt")
			.entity(String.class)
			.satisfies(createdAt -> assertThat(createdAt).doesNotStartWith("1970"));
	}

	/** The SELECTs the server sent while {@code request} ran. */
	private List<String> statementsOf(Runnable request) {
		return GeneralLog.statementsWhile(db, "SELECT%", request);
	}

	/**
	 * The SELECT list (up to FROM) names every column of {@code read} and none of
	 * {@code skipped}.
	 */
	private static Consumer<String> columns(List<String> read, List<String> skipped) {
		return sql -> {
			String list = sql.substring(0, sql.indexOf(" FROM "));
			read.forEach(column -> assertThat(list).as(sql).containsPattern("\\b" + column + "\\b"));
			skipped.forEach(column -> assertThat(list).as(sql).doesNotContainPattern("\\b" + column + "\\b"));
		};
	}

}

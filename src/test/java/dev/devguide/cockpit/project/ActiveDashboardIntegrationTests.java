package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.support.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GraphQlErrors;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The single active screen of a profile: only its own dashboards, null clears, deleting
 * the active one clears.
 */
@IntegrationTest
class ActiveDashboardIntegrationTests {

	// language=GraphQL
	private static final String SET_ACTIVE = """
			mutation($profileId: ID!, $dashboardId: ID) {
			  setActiveDashboard(profileId: $profileId, dashboardId: $dashboardId) {
			    id activeDashboardId activeDashboard { id name profile { id } }
			  }
			}""";

	@Autowired
	DatabaseClient databaseClient;

	@Autowired
	TestUsers users;

	private HttpGraphQlTester owner;

	private Fixtures fixtures;

	private TestDatabase database;

	private String projectId;

	private String profileId;

	private String board;

	private String other;

	@BeforeEach
	void setUp() {
		owner = users.user(unique("active-owner"));
		fixtures = new Fixtures(owner);
		database = new TestDatabase(databaseClient);
		projectId = fixtures.project(unique("active"));
		profileId = fixtures.profile(projectId, "Main");
		board = fixtures.dashboard(profileId, "Board");
		other = fixtures.dashboard(profileId, "Other");
	}

	@Test
	void aDashboardOfTheProfileBecomesActive() {
		setActive(board).path("setActiveDashboard",
				profile -> profile.path("activeDashboardId")
					.entity(String.class)
					.isEqualTo(board)
					.path("activeDashboard.id")
					.entity(String.class)
					.isEqualTo(board)
					.path("activeDashboard.name")
					.entity(String.class)
					.isEqualTo("Board")
					.path("activeDashboard.profile.id")
					.entity(String.class)
					.isEqualTo(profileId));
		assertThat(storedActive()).isEqualTo(board);

		setActive(other).path("setActiveDashboard.activeDashboardId").entity(String.class).isEqualTo(other);
		assertThat(storedActive()).isEqualTo(other);
		// language=GraphQL
		owner.document("query($id: ID!) { project(id: $id) { profiles { activeDashboardId activeDashboard { id } } } }")
			.variable("id", projectId)
			.execute()
			.path("project.profiles[0].activeDashboard.id")
			.entity(String.class)
			.isEqualTo(other);
	}

	@Test
	void aDashboardOfAnotherProfileIsRefusedAndNothingChanges() {
		setActive(board).errors().verify();
		String siblingProfile = fixtures.profile(projectId, "Sibling");
		String foreignSameProject = fixtures.dashboard(siblingProfile, "Sibling board");
		String foreignOtherProject = fixtures.dashboard(fixtures.profile(fixtures.project(unique("x")), "P"), "B");

		for (String foreign : new String[] { foreignSameProject, foreignOtherProject, "no-such-dashboard" }) {
			setActive(foreign).errors().satisfy(GraphQlErrors.single("BAD_REQUEST", "dashboardId"));
			assertThat(storedActive()).as("active dashboard after trying %s", foreign).isEqualTo(board);
		}
		assertThat(
				database.rows("SELECT active_dashboard_id FROM profiles WHERE id = :id", Map.of("id", siblingProfile))
					.get(0)
					.get("active_dashboard_id"))
			.isNull();
	}

	@Test
	void nullClearsTheActiveDashboard() {
		setActive(board).errors().verify();

		setActive(null).path("setActiveDashboard",
				profile -> profile.path("activeDashboardId").valueIsNull().path("activeDashboard").valueIsNull());
		assertThat(storedActive()).isNull();

		setActive(board).errors().verify();
		// language=GraphQL
		owner.document("mutation($p: ID!) { setActiveDashboard(profileId: $p) { activeDashboardId } }")
			.variable("p", profileId)
			.execute()
			.path("setActiveDashboard.activeDashboardId")
			.valueIsNull();
		assertThat(storedActive()).isNull();
	}

	@Test
	void deletingTheActiveDashboardClearsIt() {
		setActive(board).errors().verify();

		deleteDashboard(other);
		assertThat(storedActive()).as("after deleting another dashboard").isEqualTo(board);

		deleteDashboard(board);
		assertThat(storedActive()).as("after deleting the active dashboard").isNull();
		// language=GraphQL
		owner.document("query($id: ID!) { project(id: $id) { profiles { activeDashboardId activeDashboard { id } } } }")
			.variable("id", projectId)
			.execute()
			.path("project.profiles[0]",
					profile -> profile.path("activeDashboardId").valueIsNull().path("activeDashboard").valueIsNull());
	}

	@Test
	void anotherUsersProfileIsNotFound() {
		HttpGraphQlTester stranger = users.user(unique("stranger"));

		stranger.document(SET_ACTIVE)
			.variable("profileId", profileId)
			.variable("dashboardId", board)
			.execute()
			.errors()
			.satisfy(GraphQlErrors.notFound("Profile", profileId));
		assertThat(storedActive()).isNull();
	}

	private GraphQlTester.Response setActive(String dashboardId) {
		return owner.document(SET_ACTIVE)
			.variable("profileId", profileId)
			.variable("dashboardId", dashboardId)
			.execute();
	}

	private void deleteDashboard(String id) {
		// language=GraphQL
		owner.document("mutation($id: ID!) { deleteDashboard(id: $id) }").variable("id", id).executeAndVerify();
	}

	private Object storedActive() {
		return database.rows("SELECT active_dashboard_id FROM profiles WHERE id = :id", Map.of("id", profileId))
			.get(0)
			.get("active_dashboard_id");
	}

}

package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.support.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GraphQlErrors;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The {@code projects} connection ({@code graphql-test/projectsPage.graphql}): paging
 * with {@code first} and {@code after}, page info, total count, the filters, and
 * BAD_REQUEST for bad paging arguments.
 */
@IntegrationTest
class ProjectsConnectionIntegrationTests {

	@Autowired
	TestUsers users;

	private String ownerId;

	private HttpGraphQlTester owner;

	private Fixtures fixtures;

	@BeforeEach
	void setUp() {
		ownerId = unique("connection-owner");
		owner = users.user(ownerId);
		fixtures = new Fixtures(owner);
	}

	@Test
	void pagesGiveEveryProjectOnceInAStableOrder() {
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			created.add(fixtures.project("Paged " + i));
		}

		List<Map<String, Object>> pages = allPages(owner, 3, Map.of());

		assertThat(pages).hasSize(3);
		assertThat(ids(pages)).containsExactlyElementsOf(created);
		assertThat(ids(allPages(owner, 3, Map.of()))).as("second pass").containsExactlyElementsOf(created);
		assertThat(ids(allPages(owner, 100, Map.of()))).as("one big page").containsExactlyElementsOf(created);
		for (int i = 0; i < pages.size(); i++) {
			Map<String, Object> page = pages.get(i);
			Map<String, Object> info = map(page.get("pageInfo"));
			List<Map<String, Object>> edges = edges(page);
			assertThat(page.get("totalCount")).as("totalCount").isEqualTo(7);
			assertThat(info.get("hasNextPage")).as("hasNextPage of page %d", i).isEqualTo(i < 2);
			assertThat(info.get("hasPreviousPage")).as("hasPreviousPage of page %d", i).isEqualTo(i > 0);
			assertThat(info.get("startCursor")).isEqualTo(edges.get(0).get("cursor"));
			assertThat(info.get("endCursor")).isEqualTo(edges.get(edges.size() - 1).get("cursor"));
		}
		String last = (String) map(pages.get(2).get("pageInfo")).get("endCursor");
		Map<String, Object> beyond = page(owner, 3, last, Map.of());
		assertThat(edges(beyond)).isEmpty();
		assertThat(map(beyond.get("pageInfo"))).containsEntry("hasNextPage", false)
			.containsEntry("startCursor", null)
			.containsEntry("endCursor", null);
	}

	@Test
	void ownerFilterNarrowsAdminsAndNeverWidensUsers() {
		String otherId = unique("hierarchy-other");
		Fixtures other = new Fixtures(users.user(otherId));
		List<String> mine = List.of(fixtures.project("Mine 1"), fixtures.project("Mine 2"));
		List<String> theirs = List.of(other.project("Theirs 1"));
		HttpGraphQlTester admin = users.admin(unique("admin"));

		assertThat(ids(allPages(admin, 10, Map.of("ownerUserId", ownerId)))).containsExactlyElementsOf(mine);
		assertThat(page(admin, 10, null, Map.of("ownerUserId", ownerId)).get("totalCount")).isEqualTo(2);
		assertThat(ids(allPages(admin, 10, Map.of("ownerUserId", otherId)))).containsExactlyElementsOf(theirs);
		assertThat(ids(allPages(owner, 10, Map.of("ownerUserId", otherId)))).isEmpty();
		assertThat(page(owner, 10, null, Map.of("ownerUserId", otherId)).get("totalCount")).isEqualTo(0);
		assertThat(ids(allPages(owner, 10, Map.of()))).containsExactlyElementsOf(mine);
	}

	@Test
	void workflowTemplateFilterMatchesExactly() {
		String workflow = unique("wf");
		String first = fixtures.project(Map.of("name", "A", "workflowTemplate", workflow));
		fixtures.project(Map.of("name", "B", "workflowTemplate", workflow + "x"));
		fixtures.project("C");
		String second = fixtures.project(Map.of("name", "D", "workflowTemplate", workflow));

		Map<String, Object> filter = Map.of("workflowTemplate", workflow);
		assertThat(ids(allPages(owner, 1, filter))).containsExactly(first, second);
		assertThat(page(owner, 1, null, filter).get("totalCount")).isEqualTo(2);
	}

	@Test
	void nameContainsIgnoresCaseAndMatchesWildcardsLiterally() {
		String tag = unique("tag");
		String mixedCase = fixtures.project("Alpha " + tag.toUpperCase() + " Project");
		String percent = fixtures.project("pct% " + tag);
		String pctX = fixtures.project("pctx " + tag);
		String underscore = fixtures.project("a_b " + tag);
		String aXb = fixtures.project("axb " + tag);
		String bang = fixtures.project("wow! " + tag);
		String backslash = fixtures.project("c\\d " + tag);
		fixtures.project("cd " + tag);

		assertThat(ids(allPages(admin(), 100, Map.of("nameContains", "alpha " + tag)))).containsExactly(mixedCase);
		assertThat(ids(allPages(owner, 100, Map.of("nameContains", tag.toUpperCase())))).hasSize(8);
		assertThat(ids(allPages(owner, 100, Map.of("nameContains", "pct% " + tag)))).containsExactly(percent);
		assertThat(ids(allPages(owner, 100, Map.of("nameContains", "a_b " + tag)))).containsExactly(underscore);
		assertThat(ids(allPages(owner, 100, Map.of("nameContains", "wow! " + tag)))).containsExactly(bang);
		assertThat(ids(allPages(owner, 100, Map.of("nameContains", "c\\d " + tag)))).containsExactly(backslash);
		assertThat(ids(allPages(owner, 100, Map.of("nameContains", "%")))).containsExactly(percent);
		assertThat(ids(allPages(owner, 100, Map.of("nameContains", "_")))).containsExactly(underscore);
		assertThat(ids(allPages(owner, 100, Map.of("nameContains", "PCT")))).containsExactly(percent, pctX);
		assertThat(ids(allPages(owner, 100, Map.of("nameContains", "xb " + tag)))).containsExactly(aXb);
	}

	@Test
	void firstOutsideOneToHundredIsBadRequestNamingFirst() {
		for (int first : new int[] { 0, 101, -1 }) {
			owner.documentName("projectsPage")
				.variable("first", first)
				.execute()
				.errors()
				.satisfy(GraphQlErrors.single("BAD_REQUEST", "first"));
		}
		owner.documentName("projectsPage").variable("first", 100).execute().path("projects.edges").hasValue();
	}

	@Test
	void malformedAfterIsBadRequestNamingAfter() {
		fixtures.project("Some project");
		for (String after : List.of("not-a-cursor", "%%%", encode("abc:def"), encode("123:"), encode("no colon"), "")) {
			owner.documentName("projectsPage")
				.variable("after", after)
				.execute()
				.errors()
				.satisfy(GraphQlErrors.single("BAD_REQUEST", "after"));
		}
	}

	@Test
	void wellFormedCursorsOutsideTheListNeverFailInternally() {
		fixtures.project("Some project");
		for (String after : List.of(encode("0:x"), encode("-62135596800000001:x"), encode("253402300800000000:x"),
				encode(Long.MAX_VALUE + ":x"), encode(Long.MIN_VALUE + ":x"))) {
			GraphQlTester.Response response = owner.documentName("projectsPage").variable("after", after).execute();
			response.errors()
				.satisfy(
						errors -> assertThat(errors).as("errors for cursor %s", after)
							.allSatisfy(error -> assertThat(error.getExtensions())
								.containsEntry("classification", "BAD_REQUEST")
								.containsEntry("field", "after")));
		}
	}

	private HttpGraphQlTester admin() {
		return users.admin(unique("admin"));
	}

	private static String encode(String raw) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/** Follows endCursor from the first page until hasNextPage is false. */
	private static List<Map<String, Object>> allPages(HttpGraphQlTester tester, int first, Map<String, Object> filter) {
		List<Map<String, Object>> pages = new ArrayList<>();
		String after = null;
		do {
			Map<String, Object> page = page(tester, first, after, filter);
			pages.add(page);
			Map<String, Object> info = map(page.get("pageInfo"));
			after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
			assertThat(pages).as("pages").hasSizeLessThan(1000);
		}
		while (after != null);
		return pages;
	}

	private static Map<String, Object> page(HttpGraphQlTester tester, int first, String after,
			Map<String, Object> filter) {
		GraphQlTester.Request<?> request = tester.documentName("projectsPage")
			.variable("first", first)
			.variable("filter", filter);
		if (after != null) {
			request = request.variable("after", after);
		}
		return request.execute().path("projects").entity(new ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
	}

	private static List<String> ids(List<Map<String, Object>> pages) {
		return pages.stream()
			.flatMap(page -> edges(page).stream())
			.map(edge -> (String) map(edge.get("node")).get("id"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> edges(Map<String, Object> page) {
		return (List<Map<String, Object>>) page.get("edges");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}

package dev.devguide.cockpit.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.security.ProbeClient.Outcome;
import dev.devguide.cockpit.security.RootFieldOperations.Operation;
import dev.devguide.cockpit.security.RootFieldOperations.RootField;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import graphql.schema.GraphQLSchema;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Walks every root field of the schema (taken from the schema itself, so a new one cannot
 * escape): none answers without a valid token, and no user can read or change another
 * user's projects or the system rows.
 */
@IntegrationTest
class AuthorizationIntegrationTests {

	private static final Set<String> REFUSED = Set.of("FORBIDDEN", "NOT_FOUND");

	private static final List<String> OWNED = List.of("project", "profile", "dashboard", "module", "capability",
			"guardrail", "window", "provider", "access", "extensiondashboard", "mapping", "user");

	/**
	 * Mutations that create a row of the caller's own and point at nothing of anyone
	 * else's (any user publishes an extension dashboard as its author): another user's
	 * call needs no refusal, only no leak and no internal error.
	 */
	private static final Set<String> OPEN_TO_EVERY_USER = Set.of("publishExtensionDashboard");

	@Autowired
	GraphQLSchema schema;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final String marker = "alpha-secret-" + run;

	@Autowired
	TestUsers users;

	private ProbeClient client;

	private RootFieldOperations operations;

	@BeforeEach
	void setUp() {
		client = new ProbeClient(users);
		operations = new RootFieldOperations(schema);
	}

	@Test
	void everyRootFieldRefusesCallersWithoutAToken() {
		List<RootField> roots = operations.rootFields();
		assertThat(roots).extracting(RootField::name).contains("project", "projects", "createProject");
		SoftAssertions softly = new SoftAssertions();
		for (RootField root : roots) {
			Outcome outcome = client.call(null, operations.write(root, RootFieldOperations.PLACEHOLDERS, false));
			softly.assertThat(outcome.classifications())
				.as("%s without a token must answer UNAUTHORIZED: %s", outcome.label(), outcome)
				.contains("UNAUTHORIZED");
			softly.assertThat(outcome.value())
				.as("%s without a token returned data: %s", outcome.label(), outcome)
				.isNull();
		}
		softly.assertAll();
	}

	@Test
	void anotherUserCanNeitherSeeNorChangeTheOwnersData() {
		Users two = twoUsers();
		Map<String, Object> before = view(two.alphaToken(), two.alpha(), two.bravo());
		assertOwnerSeesEverything(before, two.alpha());
		SoftAssertions softly = new SoftAssertions();
		List<Probe> probes = walk(two.bravoToken(), two.alpha(), two.bravo());
		for (Probe probe : probes) {
			checkNoLeakInData(softly, probe.outcome(), two.alpha());
			checkNoLeakInErrors(softly, probe.outcome(), two.alpha());
			checkRefused(softly, probe, two.alpha());
		}
		Outcome project = probes.stream()
			.filter(probe -> !probe.mixed() && probe.outcome().operation().root().name().equals("project"))
			.findFirst()
			.orElseThrow()
			.outcome();
		softly.assertThat(project.classifications())
			.as("project(id) of another user's project: %s", project)
			.containsExactly("NOT_FOUND");
		checkOwnScope(softly, two.bravoToken(), two.bravo());
		softly.assertThat(view(two.alphaToken(), two.alpha(), two.bravo()))
			.as("the owner's view of every query (its project tree, projects, guardrails, templates) afterwards")
			.isEqualTo(before);
		softly.assertAll();
	}

	/** The root fields a service token (only the ingest role) may call. */
	private static final Set<String> OPEN_TO_SERVICES = Set.of("recordTokenUsage", "captureFilesystemTimestamps",
			"recordClockSync");

	@Test
	void aServiceTokenIsRefusedEverywhereItWasNotMeantFor() {
		String service = users.token("gateway-" + run, List.of("ingest"));
		List<RootField> roots = operations.rootFields();
		assertThat(roots).extracting(RootField::name).containsAll(OPEN_TO_SERVICES);
		SoftAssertions softly = new SoftAssertions();
		for (RootField root : roots) {
			Outcome outcome = client.call(service, operations.write(root, RootFieldOperations.PLACEHOLDERS, false));
			if (OPEN_TO_SERVICES.contains(root.name())) {
				softly.assertThat(outcome.classifications())
					.as("%s is open to the ingest service: %s", outcome.label(), outcome)
					.doesNotContain("FORBIDDEN", "UNAUTHORIZED", "INTERNAL_ERROR");
				continue;
			}
			softly.assertThat(outcome.classifications())
				.as("%s with a service token must answer FORBIDDEN: %s", outcome.label(), outcome)
				.containsExactly("FORBIDDEN");
			softly.assertThat(outcome.value()).as("%s with a service token returned data", outcome.label()).isNull();
		}
		softly.assertAll();
	}

	@Test
	void refusalsRevealNothingOfTheOwnersThatTheCallerDidNotSend() {
		Users two = twoUsers();
		SoftAssertions softly = new SoftAssertions();
		for (Probe probe : walk(two.bravoToken(), two.alpha(), two.bravo())) {
			Outcome outcome = probe.outcome();
			String sent = String.valueOf(outcome.operation().variables());
			String errors = String.valueOf(outcome.errors());
			softly.assertThat(errors)
				.as("%s by another user: errors show the owner's markers", outcome.label())
				.doesNotContain(marker);
			for (String noun : OWNED) {
				String id = two.alpha().ids().get(noun);
				if (!sent.contains(id)) {
					softly.assertThat(errors)
						.as("%s by another user: an error shows the owner's %s id, which the caller did not send",
								outcome.label(), noun)
						.doesNotContain(id);
				}
			}
		}
		softly.assertAll();
	}

	@Test
	void anAdminSeesEveryUsersProjects() {
		Pointers.Target alpha = plant("user-a-" + run, marker, "file_write", Map.of("template", "none"));
		List<Map<String, Object>> nodes = admin().document("""
				query($owner: String) { projects(filter: {ownerUserId: $owner}) { edges { node { id name } } } }""")
			.variable("owner", alpha.ids().get("user"))
			.execute()
			.path("projects.edges[*].node")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(nodes).as("an admin's projects of the owner")
			.containsExactly(Map.of("id", alpha.ids().get("project"), "name", marker + "-project"));
		admin().document("query($id: ID!) { project(id: $id) { name } }")
			.variable("id", alpha.ids().get("project"))
			.execute()
			.path("project.name")
			.entity(String.class)
			.isEqualTo(marker + "-project");
	}

	@Test
	void ordinaryUsersReadButCannotWriteSystemRows() {
		Map<String, String> shared = Planting.sharedRows(admin(), "admin-public-" + run);
		String charlie = users.token("user-c-" + run, List.of("user"));
		Outcome template = client.call(charlie, document("createTemplate", """
				mutation($input: TemplateInput!) { createTemplate(input: $input) { id } }""",
				Map.of("input", Map.of("name", "charlie-" + run, "category", "dashboard", "specification", Map.of()))));
		Outcome guardrail = client.call(charlie, document("createGuardrail", """
				mutation($input: GuardrailInput!) { createGuardrail(input: $input) { id } }""",
				Map.of("input", Map.of("ruleId", "charlie-" + run, "description", "charlie", "severity", "LOW"))));
		assertThat(template.classifications()).as("createTemplate by a user: %s", template)
			.containsExactly("FORBIDDEN");
		assertThat(template.value()).as("createTemplate by a user").isNull();
		assertThat(guardrail.classifications()).as("createGuardrail (system) by a user: %s", guardrail)
			.containsExactly("FORBIDDEN");
		assertThat(guardrail.value()).as("createGuardrail (system) by a user").isNull();
		HttpGraphQlTester reader = client.tester(charlie);
		reader.document("{ templates { id } }")
			.execute()
			.path("templates[*].id")
			.entityList(String.class)
			.contains(shared.get("template"));
		reader.document("{ guardrails { id } }")
			.execute()
			.path("guardrails[*].id")
			.entityList(String.class)
			.contains(shared.get("systemGuardrail"));
		admin().document("{ templates { name } guardrails { ruleId } }")
			.execute()
			.path("templates[*].name")
			.entityList(String.class)
			.doesNotContain("charlie-" + run)
			.path("guardrails[*].ruleId")
			.entityList(String.class)
			.doesNotContain("charlie-" + run);
	}

	@Test
	void forgedAndExpiredTokensGetHttp401() {
		String forged = new TokenIssuer(new SecretKeySpec(
				"a-different-secret-that-the-server-does-not-know".getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
			.issue("admin-" + run, List.of("user", "admin"), Duration.ofHours(1));
		Map<String, String> tokens = Map.of("forged", forged, "expired",
				users.expiredToken("admin-" + run, List.of("user", "admin")));
		SoftAssertions softly = new SoftAssertions();
		for (RootField root : operations.rootFields()) {
			Operation operation = operations.write(root, RootFieldOperations.PLACEHOLDERS, false);
			for (Map.Entry<String, String> token : tokens.entrySet()) {
				String label = root.kind() + " " + root.name() + " with a " + token.getKey() + " token";
				if (root.kind().equals("subscription")) {
					Outcome outcome = client.call(token.getValue(), operation);
					softly.assertThat(outcome.value()).as("%s returned data", label).isNull();
					softly.assertThat(String.valueOf(outcome.errors()))
						.as("%s: the connection is closed with 4401 at connection_init", label)
						.contains("code=4401");
					continue;
				}
				EntityExchangeResult<String> result = client.post(token.getValue(), operation);
				softly.assertThat(result.getStatus().value()).as("%s: HTTP status", label).isEqualTo(401);
				softly.assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
					.as("%s: WWW-Authenticate", label)
					.startsWith("Bearer")
					.contains("error=\"invalid_token\"");
				softly.assertThat(result.getResponseBody())
					.as("%s: no GraphQL response, only the refusal", label)
					.contains("\"classification\":\"UNAUTHORIZED\"")
					.doesNotContain("\"data\"");
			}
		}
		Operation first = operations.write(operations.rootFields().get(0), RootFieldOperations.PLACEHOLDERS, false);
		softly.assertThat(client.post(users.token("admin-" + run, List.of("user", "admin")), first).getStatus().value())
			.as("the same request with a valid token (control)")
			.isEqualTo(200);
		softly.assertAll();
	}

	/**
	 * Calls every root field as the other user, reads first and deletes last, with every
	 * pointer at the owner's resources; a field taking several pointers is called again
	 * once for each of them alone at the owner's and the others at the caller's own (so a
	 * check of only the first id shows).
	 */
	private List<Probe> walk(String token, Pointers.Target owner, Pointers.Target caller) {
		List<RootField> roots = operations.rootFields()
			.stream()
			.sorted(Comparator.comparing((RootField root) -> root.kind().equals("mutation"))
				.thenComparing(root -> root.name().startsWith("delete")))
			.toList();
		List<Probe> probes = new ArrayList<>();
		for (RootField root : roots) {
			Pointers all = new Pointers(owner, caller, -1, "bravo-" + run);
			probes.add(new Probe(client.call(token, operations.write(root, all, true)), false, all.count()));
			for (int mixed = 0; all.count() > 1 && mixed < all.count(); mixed++) {
				Pointers one = new Pointers(owner, caller, mixed, "bravo-" + run);
				probes.add(new Probe(client.call(token, operations.write(root, one, true)), true, all.count()));
			}
		}
		assertThat(probes.stream().filter(probe -> !probe.mixed())).as("every root field was called")
			.hasSameSizeAs(roots);
		return probes;
	}

	/**
	 * Every mutation is refused (FORBIDDEN or NOT_FOUND, or a BAD_REQUEST that names the
	 * owner's id it refuses, as a batch entry's bad project is), and so is a subscription
	 * to the owner's resources; a call mixing the owner's and the caller's ids may also
	 * be bad input (BAD_REQUEST), or succeed without a leak.
	 */
	private static void checkRefused(SoftAssertions softly, Probe probe, Pointers.Target owner) {
		Outcome outcome = probe.outcome();
		if (probe.mixed()) {
			softly.assertThat(outcome.classifications())
				.as("%s mixing the owner's and the caller's ids: only refusals or bad input: %s", outcome.label(),
						outcome)
				.allMatch(classification -> REFUSED.contains(classification) || "BAD_REQUEST".equals(classification));
			return;
		}
		String kind = outcome.operation().root().kind();
		if (kind.equals("query") || kind.equals("subscription") && probe.pointers() == 0
				|| OPEN_TO_EVERY_USER.contains(outcome.operation().root().name())) {
			return;
		}
		softly.assertThat(outcome.errors())
			.as("%s by another user must be refused with FORBIDDEN or NOT_FOUND: %s", outcome.label(), outcome)
			.isNotEmpty()
			.allMatch(error -> refusal(error, owner));
		softly.assertThat(outcome.value())
			.as("%s by another user returned data: %s", outcome.label(), outcome)
			.isNull();
	}

	@SuppressWarnings("unchecked")
	private static boolean refusal(Map<String, Object> error, Pointers.Target owner) {
		Object classification = ((Map<String, Object>) error.getOrDefault("extensions", Map.of()))
			.get("classification");
		if (REFUSED.contains(classification)) {
			return true;
		}
		String message = String.valueOf(error.get("message"));
		return "BAD_REQUEST".equals(classification) && owner.ids().values().stream().anyMatch(message::contains);
	}

	/**
	 * A refusal may name what the call sent, but no other id of the owner's: the project
	 * above someone else's change, say, is not the caller's to learn (it was named by
	 * FORBIDDEN answers, which are NOT_FOUND now).
	 */
	private static void checkNoLeakInErrors(SoftAssertions softly, Outcome outcome, Pointers.Target owner) {
		String sent = outcome.operation().document() + outcome.operation().variables();
		String errors = String.valueOf(outcome.errors());
		owner.ids().forEach((noun, id) -> {
			if (!sent.contains(id)) {
				softly.assertThat(errors)
					.as("%s by another user: an error names the owner's %s id, which the call did not send: %s",
							outcome.label(), noun, outcome)
					.doesNotContain(id);
			}
		});
	}

	private void checkNoLeakInData(SoftAssertions softly, Outcome outcome, Pointers.Target owner) {
		String data = String.valueOf(outcome.data());
		softly.assertThat(data)
			.as("%s by another user: data shows the owner's markers", outcome.label())
			.doesNotContain(marker);
		for (String noun : OWNED) {
			softly.assertThat(data)
				.as("%s by another user: data shows the owner's %s id", outcome.label(), noun)
				.doesNotContain(owner.ids().get(noun));
		}
		softly.assertThat(outcome.classifications())
			.as("%s by another user: %s", outcome.label(), outcome)
			.doesNotContain("INTERNAL_ERROR");
	}

	/**
	 * The other user's projects and guardrails lists hold its own project and the system
	 * rows only.
	 */
	private void checkOwnScope(SoftAssertions softly, String token, Pointers.Target own) {
		HttpGraphQlTester tester = client.tester(token);
		List<String> projects = tester.document("{ projects(first: 100) { edges { node { id } } } }")
			.execute()
			.path("projects.edges[*].node.id")
			.entityList(String.class)
			.get();
		softly.assertThat(projects).as("projects of a user").containsExactly(own.ids().get("project"));
		List<Map<String, Object>> guardrails = tester.document("{ guardrails { id projectId system } }")
			.execute()
			.path("guardrails")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		String project = own.ids().get("project");
		softly.assertThat(guardrails)
			.as("guardrails of a user: the system ones and its own project's")
			.allMatch(row -> Boolean.TRUE.equals(row.get("system")) || project.equals(row.get("projectId")))
			.anyMatch(row -> own.ids().get("guardrail").equals(row.get("id")));
	}

	/**
	 * The owner's own view proves the probes could see a leak: every id, the markers, the
	 * active dashboard.
	 */
	private void assertOwnerSeesEverything(Map<String, Object> view, Pointers.Target owner) {
		String text = String.valueOf(view);
		for (String noun : OWNED) {
			assertThat(text).as("the owner's own view shows its %s: %s", noun, view).contains(owner.ids().get(noun));
		}
		for (String field : List.of("project", "projects", "guardrails")) {
			assertThat(String.valueOf(view.get(field))).as("the owner's own %s shows its markers", field)
				.contains(marker);
		}
		assertThat(text).as("the owner's view shows the active dashboard")
			.contains("activeDashboardId=" + owner.ids().get("dashboard"));
		assertThat(text).as("the owner's view shows that its provider has a key, but not the key")
			.contains("hasApiKey=true")
			.contains("hasAccessToken=true")
			.doesNotContain(Planting.apiKey(marker));
	}

	/**
	 * What the owner sees through every query field, called with arguments pointing at
	 * its own resources.
	 */
	private Map<String, Object> view(String token, Pointers.Target owner, Pointers.Target other) {
		Map<String, Object> view = new LinkedHashMap<>();
		for (RootField root : operations.rootFields()) {
			if (root.kind().equals("query")) {
				Outcome outcome = client.call(token, operations.write(root, new Pointers(owner, other, -1, "a"), true));
				view.put(root.name(), outcome.value());
				view.put(root.name() + ".errors", outcome.classifications());
			}
		}
		return view;
	}

	/**
	 * The owner (A) and another user (B) with a tree each, an admin's template and system
	 * guardrail, and A's cached response for the prompt B's probes send.
	 */
	private Users twoUsers() {
		Map<String, String> shared = Planting.sharedRows(admin(), "admin-public-" + run);
		Pointers.Target alpha = plant("user-a-" + run, marker, "file_write", shared);
		Pointers.Target bravo = plant("user-b-" + run, "bravo-" + run, "git_commit", shared);
		Planting.cachedResponse(client.tester(users.token(alpha.ids().get("user"), List.of("user"))), "bravo-" + run);
		return new Users(alpha, bravo, users.token(alpha.ids().get("user"), List.of("user")),
				users.token(bravo.ids().get("user"), List.of("user")));
	}

	private Pointers.Target plant(String userId, String treeMarker, String capabilityType, Map<String, String> shared) {
		HttpGraphQlTester owner = client.tester(users.token(userId, List.of("user")));
		return Planting.extension(owner, Planting.tree(owner, userId, treeMarker, capabilityType, shared), treeMarker);
	}

	private HttpGraphQlTester admin() {
		return users.admin("admin-" + run);
	}

	private Operation document(String mutation, String document, Map<String, Object> variables) {
		RootField root = operations.rootFields()
			.stream()
			.filter(candidate -> candidate.kind().equals("mutation") && candidate.name().equals(mutation))
			.findFirst()
			.orElseThrow();
		return new Operation(root, document, variables);
	}

	/** The owner's and the other user's resources and tokens. */
	private record Users(Pointers.Target alpha, Pointers.Target bravo, String alphaToken, String bravoToken) {
	}

	/**
	 * One call of the walk; {@code mixed} when only some of its {@code pointers} were at
	 * the owner's resources.
	 */
	private record Probe(Outcome outcome, boolean mixed, int pointers) {
	}

}

package dev.devguide.cockpit.extension;

import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.support.TestDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The extension mutations and {@code Project.extensions} as one caller, and the rows the
 * tests plant and check directly: extension dashboards (inserted by SQL, as publishing
 * them is another part of the feature), downloads and audit rows.
 */
final class ExtensionMappingClient {

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	static final String FIELDS = """
			id projectId extensionId extensionDashboardId extensionDashboard { id extensionId } enabled customConfig
			position effectiveConfig createdAt updatedAt""";

	private final HttpGraphQlTester tester;

	private final DatabaseClient db;

	private final JsonColumns json;

	ExtensionMappingClient(HttpGraphQlTester tester, DatabaseClient db, JsonColumns json) {
		this.tester = tester;
		this.db = db;
		this.json = json;
	}

	/** The same database, as another caller. */
	ExtensionMappingClient as(HttpGraphQlTester other) {
		return new ExtensionMappingClient(other, db, json);
	}

	/** Inserts an extension dashboard row and returns its id. */
	String extensionDashboard(String extensionId, @Nullable String author, boolean approved, Object config) {
		String id = UUID.randomUUID().toString();
		db.sql("""
				INSERT INTO extension_dashboards (id, extension_id, dashboard_id, name, config, author,
				                                  community_approved, download_count)
				VALUES (:id, :extension, 'main', :name, :config, :author, :approved, 0)""")
			.bind("id", id)
			.bind("extension", extensionId)
			.bind("name", "Dashboard of " + extensionId)
			.bind("config", json.write(config))
			.bind("author", author == null ? "nobody" : author)
			.bind("approved", approved)
			.then()
			.block();
		return id;
	}

	GraphQlTester.Response installing(String projectId, String extensionDashboardId, @Nullable Map<String, ?> input) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("project", projectId);
		variables.put("dashboard", extensionDashboardId);
		variables.put("input", input);
		return tester.document("""
				mutation($project: ID!, $dashboard: ID!, $input: ExtensionInstallInput) {
				  installExtension(projectId: $project, extensionDashboardId: $dashboard, input: $input) { %s }
				}""".formatted(FIELDS)).variables(variables).execute();
	}

	Map<String, Object> install(String projectId, String extensionDashboardId, @Nullable Map<String, ?> input) {
		return installing(projectId, extensionDashboardId, input).path("installExtension").entity(MAP).get();
	}

	GraphQlTester.Response updating(String id, Map<String, ?> input) {
		return tester
			.document(
					"""
							mutation($id: ID!, $input: ExtensionMappingInput!) { updateExtensionMapping(id: $id, input: $input) { %s } }"""
						.formatted(FIELDS))
			.variable("id", id)
			.variable("input", input)
			.execute();
	}

	GraphQlTester.Response moving(String id, int position) {
		return tester.document("mutation($id: ID!, $p: Int!) { moveExtension(id: $id, position: $p) { id position } }")
			.variable("id", id)
			.variable("p", position)
			.execute();
	}

	GraphQlTester.Response uninstalling(String id) {
		return tester.document("mutation($id: ID!) { uninstallExtension(id: $id) }").variable("id", id).execute();
	}

	GraphQlTester.Response applying(String mappingId, String profileId) {
		return tester.document("""
				mutation($m: ID!, $p: ID!) {
				  applyExtension(mappingId: $m, profileId: $p) {
				    id name layout position profile { id } modules { id moduleType name configuration position }
				  }
				}""").variable("m", mappingId).variable("p", profileId).execute();
	}

	/** The project's extensions, by position, with every field. */
	List<Map<String, Object>> extensions(String projectId) {
		return tester.document("query($id: ID!) { project(id: $id) { extensions { %s } } }".formatted(FIELDS))
			.variable("id", projectId)
			.execute()
			.path("project.extensions")
			.entityList(MAP)
			.get();
	}

	long downloads(String extensionDashboardId) {
		return number("SELECT download_count AS n FROM extension_dashboards WHERE id = :id", extensionDashboardId);
	}

	long mappingsOf(String projectId) {
		return number("SELECT COUNT(*) AS n FROM project_extension_mappings WHERE project_id = :id", projectId);
	}

	/** The audit rows of a resource as {@code action:status}, oldest first. */
	List<String> audit(String resourceId) {
		return database()
			.rows("SELECT CONCAT(action, ':', status) AS a FROM audit_logs WHERE resource_id = :id ORDER BY id",
					Map.of("id", resourceId))
			.stream()
			.map(row -> (String) row.get("a"))
			.toList();
	}

	TestDatabase database() {
		return new TestDatabase(db);
	}

	long number(String sql, String id) {
		return ((Number) database().rows(sql, Map.of("id", id)).get(0).get("n")).longValue();
	}

}

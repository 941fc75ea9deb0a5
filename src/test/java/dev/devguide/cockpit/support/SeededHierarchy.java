package dev.devguide.cockpit.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The one way to seed volume data directly (for statement counts and, later, benchmarks):
 * whole hierarchies in multi-row INSERTs, since a request a row through the API is too
 * slow for thousands of rows; what a test measures still goes through the API.
 */
public final class SeededHierarchy {

	private static final int PROFILES = 2;

	private static final int DASHBOARDS = 2;

	private static final int MODULES = 2;

	/** The seeded projects' ids and how many capabilities they hold in all. */
	public record Seeded(List<String> projectIds, int capabilityCount) {
	}

	private final DatabaseClient db;

	public SeededHierarchy(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Seeds {@code count} projects ("project 0", ...) owned by the user, each with
	 * {@value #PROFILES} profiles of {@value #DASHBOARDS} dashboards of {@value #MODULES}
	 * checklist modules, every module granted file_write.
	 */
	public Seeded projects(String ownerUserId, int count) {
		List<List<Object>> projects = new ArrayList<>();
		List<List<Object>> profiles = new ArrayList<>();
		List<List<Object>> dashboards = new ArrayList<>();
		List<List<Object>> modules = new ArrayList<>();
		List<List<Object>> capabilities = new ArrayList<>();
		for (int p = 0; p < count; p++) {
			String project = UUID.randomUUID().toString();
			projects.add(List.of(project, "project " + p, ownerUserId));
			for (int f = 0; f < PROFILES; f++) {
				String profile = UUID.randomUUID().toString();
				profiles.add(List.of(profile, project, "profile " + f));
				for (int d = 0; d < DASHBOARDS; d++) {
					String dashboard = UUID.randomUUID().toString();
					dashboards.add(List.of(dashboard, profile, "dashboard " + d, "{}", d));
					for (int m = 0; m < MODULES; m++) {
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
		return new Seeded(projects.stream().map(row -> (String) row.get(0)).toList(), capabilities.size());
	}

	/** One INSERT of all the rows, every value a bound parameter. */
	private void insert(String table, List<List<Object>> rows) {
		StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" VALUES ");
		Map<String, Object> params = new LinkedHashMap<>();
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

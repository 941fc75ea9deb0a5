package dev.devguide.cockpit.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one way to seed volume data directly (for statement counts and benchmarks): whole
 * hierarchies in multi-row INSERTs, since a request a row through the API is too slow for
 * thousands of rows; what a test measures still goes through the API. Ids derive from the
 * owner and the position in the tree, so the same call seeds the same rows.
 */
public final class SeededHierarchy {

	/**
	 * Rows a statement inserts at most, well under the 65,535 parameters a statement
	 * takes.
	 */
	private static final int ROWS_PER_STATEMENT = 1000;

	/**
	 * How a seeded project looks: its children per level, capabilities per module, and
	 * the size of each dashboard layout and module configuration in JSON (at least
	 * {@code {}}).
	 */
	public record Shape(int profiles, int dashboards, int modules, int capabilities, int jsonBytes) {

		/**
		 * Two of each, one capability per module, empty JSON: the statement-count test's
		 * shape.
		 */
		public static final Shape SMALL = new Shape(2, 2, 2, 1, 2);

		/**
		 * The specification's scale per project: 4 profiles of 5 dashboards of 8 modules,
		 * no capabilities, layouts and configurations of about 200 bytes.
		 */
		public static final Shape SPEC = new Shape(4, 5, 8, 0, 200);

		int capabilityCount() {
			return profiles * dashboards * modules * capabilities;
		}

	}

	/** The seeded projects' ids and how many capabilities they hold in all. */
	public record Seeded(List<String> projectIds, int capabilityCount) {
	}

	private final DatabaseClient db;

	public SeededHierarchy(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Seeds {@code count} projects ("project 0", ...) owned by the user in the small
	 * shape, every module granted file_write.
	 */
	public Seeded projects(String ownerUserId, int count) {
		return projects(ownerUserId, count, Shape.SMALL);
	}

	/** Seeds {@code count} projects of the given shape owned by the user. */
	public Seeded projects(String ownerUserId, int count, Shape shape) {
		Rows rows = new Rows();
		List<String> projectIds = new ArrayList<>();
		String json = json(shape.jsonBytes());
		for (int p = 0; p < count; p++) {
			String project = id(ownerUserId, "project", p);
			projectIds.add(project);
			rows.projects.add(List.of(project, "project " + p, ownerUserId));
			for (int f = 0; f < shape.profiles(); f++) {
				String profile = id(project, "profile", f);
				rows.profiles.add(List.of(profile, project, "profile " + f));
				for (int d = 0; d < shape.dashboards(); d++) {
					String dashboard = id(profile, "dashboard", d);
					rows.dashboards.add(List.of(dashboard, profile, "dashboard " + d, json, d));
					for (int m = 0; m < shape.modules(); m++) {
						String module = id(dashboard, "module", m);
						rows.modules.add(List.of(module, dashboard, m % 2 == 0 ? "checklist" : "decision_log",
								"module " + m, json, m));
						for (int c = 0; c < shape.capabilities(); c++) {
							rows.capabilities.add(List.of(id(module, "capability", c), module, "file_write"));
						}
					}
				}
			}
		}
		insert("projects (id, name, owner_user_id)", rows.projects);
		insert("profiles (id, project_id, name)", rows.profiles);
		insert("dashboards (id, profile_id, name, layout, position)", rows.dashboards);
		insert("modules (id, dashboard_id, module_type, name, configuration, position)", rows.modules);
		insert("capabilities (id, module_id, capability_type)", rows.capabilities);
		return new Seeded(projectIds, count * shape.capabilityCount());
	}

	/** The rows of each table, in insert order. */
	private static final class Rows {

		final List<List<Object>> projects = new ArrayList<>();

		final List<List<Object>> profiles = new ArrayList<>();

		final List<List<Object>> dashboards = new ArrayList<>();

		final List<List<Object>> modules = new ArrayList<>();

		final List<List<Object>> capabilities = new ArrayList<>();

	}

	/** Multi-row INSERTs of at most {@link #ROWS_PER_STATEMENT} rows, values bound. */
	private void insert(String table, List<List<Object>> rows) {
		for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
			insertChunk(table, rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
		}
	}

	private void insertChunk(String table, List<List<Object>> rows) {
		StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" VALUES ");
		for (int r = 0; r < rows.size(); r++) {
			sql.append(r == 0 ? "(" : ", (")
				.append(String.join(", ", java.util.Collections.nCopies(rows.get(r).size(), "?")))
				.append(')');
		}
		// Positional binds on a statement of its own: DatabaseClient copies its parameter
		// map at every bind, which is quadratic in a thousand-row statement.
		Mono.usingWhen(db.getConnectionFactory().create(), connection -> {
			Statement statement = connection.createStatement(sql.toString());
			int index = 0;
			for (List<Object> row : rows) {
				for (Object value : row) {
					statement.bind(index++, value);
				}
			}
			return Flux.from(statement.execute()).flatMap(Result::getRowsUpdated).then();
		}, Connection::close).block();
	}

	/** The same id for the same place in the same owner's tree. */
	private static String id(String parent, String kind, int index) {
		return UUID.nameUUIDFromBytes((parent + "/" + kind + "/" + index).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * A JSON object of about {@code bytes} bytes, like a small grid layout or widget
	 * settings.
	 */
	private static String json(int bytes) {
		StringBuilder json = new StringBuilder("{");
		for (int i = 0; json.length() < bytes - 40; i++) {
			json.append(i == 0 ? "" : ",")
				.append("\"cell")
				.append(i)
				.append("\":{\"x\":")
				.append(i % 12)
				.append(",\"w\":4}");
		}
		return json.append('}').toString();
	}

}

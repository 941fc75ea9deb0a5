package dev.devguide.cockpit.benchmark;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Statement;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw-SQL floor of the dashboard tree: the four batched statements the server's
 * loaders run (projects of the owner, then their profiles, dashboards and modules by
 * {@code IN (...)}), through the same R2DBC driver and pool, behind a minimal Reactor
 * Netty HTTP handler that writes the same JSON answer the GraphQL query returns. No
 * GraphQL, no security, no per-field work: what is left is the database, the driver and
 * the response.
 */
final class RawSqlFloor implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConnectionFactory connections;

	private final DisposableServer server;

	private RawSqlFloor(ConnectionFactory connections) {
		this.connections = connections;
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route(routes -> routes.post("/tree/{owner}/{first}",
					(request, response) -> response.header("Content-Type", "application/json")
						.sendByteArray(request.receive()
							.asString()
							.then(tree(request.param("owner"), Integer.parseInt(request.param("first")))))))
			.bindNow();
	}

	static RawSqlFloor start(ConnectionFactory connections) {
		return new RawSqlFloor(connections);
	}

	/** The URL answering the tree of {@code owner}'s first {@code first} projects. */
	String url(String owner, int first) {
		return "http://127.0.0.1:" + server.port() + "/tree/" + owner + "/" + first;
	}

	private Mono<byte[]> tree(String owner, int first) {
		return Mono.usingWhen(connections.create(), connection -> rows(connection, """
				SELECT id, name FROM projects WHERE owner_user_id = ? ORDER BY created_at, id LIMIT ?""",
				List.of(owner, first + 1), "id", "name")
			.flatMap(projects -> {
				List<Map<String, Object>> page = projects.subList(0, Math.min(first, projects.size()));
				return children(connection, page, "SELECT id, project_id, name FROM profiles WHERE project_id",
						" ORDER BY created_at, id", "project_id", "profiles", "id", "name")
					.flatMap(profiles -> children(connection, profiles,
							"SELECT id, profile_id, name, position FROM dashboards WHERE profile_id",
							" ORDER BY position, id", "profile_id", "dashboards", "id", "name", "position"))
					.flatMap(dashboards -> children(connection, dashboards,
							"SELECT id, dashboard_id, name, position, module_type FROM modules WHERE dashboard_id",
							" ORDER BY position, id", "dashboard_id", "modules", "id", "name", "position",
							"module_type"))
					.thenReturn(page);
			}), Connection::close).map(RawSqlFloor::write);
	}

	/**
	 * Reads the children of {@code parents} in one statement, attaches each parent's list
	 * under {@code field} and returns all children (the next level's parents).
	 */
	private Mono<List<Map<String, Object>>> children(Connection connection, List<Map<String, Object>> parents,
			String select, String order, String parentColumn, String field, String... columns) {
		Map<Object, List<Map<String, Object>>> byParent = new LinkedHashMap<>();
		parents.forEach(parent -> {
			List<Map<String, Object>> own = new ArrayList<>();
			parent.put(field, own);
			byParent.put(parent.get("id"), own);
		});
		if (parents.isEmpty()) {
			return Mono.just(List.of());
		}
		String marks = String.join(", ", java.util.Collections.nCopies(parents.size(), "?"));
		String[] read = new String[columns.length + 1];
		System.arraycopy(columns, 0, read, 0, columns.length);
		read[columns.length] = parentColumn;
		return rows(connection, select + " IN (" + marks + ")" + order, new ArrayList<>(byParent.keySet()), read)
			.map(rows -> {
				for (Map<String, Object> row : rows) {
					byParent.get(row.remove(parentColumn)).add(row);
				}
				return rows;
			});
	}

	private static Mono<List<Map<String, Object>>> rows(Connection connection, String sql, List<?> values,
			String... columns) {
		Statement statement = connection.createStatement(sql);
		for (int i = 0; i < values.size(); i++) {
			statement.bind(i, values.get(i));
		}
		return Flux.from(statement.execute()).flatMap(result -> result.map((row, meta) -> {
			Map<String, Object> values2 = new LinkedHashMap<>();
			for (String column : columns) {
				values2.put(column, row.get(column));
			}
			return values2;
		})).collectList();
	}

	/** The GraphQL response's shape: data.projects.edges[].node with camelCase fields. */
	private static byte[] write(List<Map<String, Object>> projects) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
		try (JsonGenerator json = JSON.createGenerator(bytes)) {
			json.writeStartObject();
			json.writeName("data");
			json.writeStartObject();
			json.writeName("projects");
			json.writeStartObject();
			json.writeName("edges");
			json.writeStartArray();
			for (Map<String, Object> project : projects) {
				json.writeStartObject();
				json.writeName("node");
				writeNode(json, project);
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
			json.writeEndObject();
			json.writeEndObject();
		}
		return bytes.toByteArray();
	}

	@SuppressWarnings("unchecked")
	private static void writeNode(JsonGenerator json, Map<String, Object> node) {
		json.writeStartObject();
		for (Map.Entry<String, Object> field : node.entrySet()) {
			json.writeName(field.getKey().equals("module_type") ? "moduleType" : field.getKey());
			if (field.getValue() instanceof List<?> children) {
				json.writeStartArray();
				for (Object child : children) {
					writeNode(json, (Map<String, Object>) child);
				}
				json.writeEndArray();
			}
			else {
				json.writePOJO(field.getValue());
			}
		}
		json.writeEndObject();
	}

	@Override
	public void close() {
		server.disposeNow();
	}

}

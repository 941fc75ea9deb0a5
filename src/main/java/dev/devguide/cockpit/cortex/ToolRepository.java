package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.persistence.Rows.bool;
import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.persistence.SqlConditions;
import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code tool_registry}. */
@Repository
public class ToolRepository {

	private static final String COLUMNS = """
			id, name, category, description, implementation_type, config, is_system, requires_capability,
			created_at""";

	private final DatabaseClient db;

	private final JsonColumns json;

	public ToolRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	/** The tools of a category and kind (null: any), by name. */
	public Flux<Tool> find(@Nullable String category, @Nullable Boolean system) {
		SqlConditions where = new SqlConditions().optional("category = :category", "category", category)
			.optional("is_system = :system", "system", system);
		return where.bind(db.sql("SELECT " + COLUMNS + " FROM tool_registry" + where.where() + " ORDER BY name, id"))
			.map(this::map)
			.all();
	}

	public Mono<Tool> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM tool_registry WHERE id = :id").bind("id", id).map(this::map).one();
	}

	public Flux<Tool> findByIds(Collection<String> ids) {
		return db.sql("SELECT " + COLUMNS + " FROM tool_registry WHERE id IN (:ids)")
			.bind("ids", ids)
			.map(this::map)
			.all();
	}

	/** The tool, locked until the transaction ends (for read-modify-write). */
	public Mono<Tool> lock(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM tool_registry WHERE id = :id FOR UPDATE")
			.bind("id", id)
			.map(this::map)
			.one();
	}

	/** True when another tool than {@code id} already has this name. */
	public Mono<Boolean> nameTaken(String name, String id) {
		return db.sql("SELECT COUNT(*) AS taken FROM tool_registry WHERE name = :name AND id <> :id")
			.bind("name", name)
			.bind("id", id)
			.map(row -> Rows.longValue(row, "taken") > 0)
			.one();
	}

	public Mono<Void> save(Tool tool, boolean isNew) {
		String sql = isNew ? """
				INSERT INTO tool_registry (id, name, category, description, implementation_type, config, is_system,
				                           requires_capability)
				VALUES (:id, :name, :category, :description, :type, :config, :system, :capability)""" : """
				UPDATE tool_registry SET name = :name, category = :category, description = :description,
				       implementation_type = :type, config = :config, is_system = :system,
				       requires_capability = :capability
				WHERE id = :id""";
		return db.sql(sql)
			.bind("id", tool.id())
			.bind("name", tool.name())
			.bind("category", tool.category())
			.bind("description", tool.description())
			.bind("type", tool.implementationType())
			.bind("config", json.write(tool.config()))
			.bind("system", tool.system())
			.bind("capability", Parameter.fromOrEmpty(tool.requiresCapability(), String.class))
			.then();
	}

	/** How many grants the tool has (they go with it when it is deleted). */
	public Mono<Long> countGrants(String id) {
		return db.sql("SELECT COUNT(*) AS grants FROM external_tool_access WHERE tool_id = :id")
			.bind("id", id)
			.map(row -> Rows.longValue(row, "grants"))
			.one();
	}

	/**
	 * Deletes the tool; the foreign key deletes its grants with it (ON DELETE CASCADE).
	 */
	public Mono<Void> delete(String id) {
		return db.sql("DELETE FROM tool_registry WHERE id = :id").bind("id", id).then();
	}

	@SuppressWarnings("unchecked")
	private Tool map(Readable row) {
		Object config = json.read(row, "config");
		return new Tool(string(row, "id"), string(row, "name"), string(row, "category"), string(row, "description"),
				string(row, "implementation_type"),
				config instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("value", config),
				Boolean.TRUE.equals(bool(row, "is_system")), stringOrNull(row, "requires_capability"),
				instant(row, "created_at"));
	}

}

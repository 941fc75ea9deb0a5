package dev.devguide.cockpit.extension;

import static dev.devguide.cockpit.persistence.Rows.bool;
import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.integerOrNull;
import static dev.devguide.cockpit.persistence.Rows.string;

import dev.devguide.cockpit.graphql.SelectedColumns;
import dev.devguide.cockpit.graphql.Selection;
import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.project.Positions;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for {@code project_extension_mappings}. A project's mappings keep dense positions
 * (0, 1, 2, ...) by the hierarchy's {@link Positions} rules; callers hold the project's
 * lock.
 */
@Repository
public class ExtensionMappingRepository {

	/** The columns the loader reads: the id and the keys relations read always. */
	private static final SelectedColumns SELECTED = SelectedColumns.always("id", "project_id", "dashboard_id")
		.field("extensionId", "extension_id")
		.field("enabled", "enabled")
		.field("customConfig", "custom_config")
		.field("position", "position")
		.field("createdAt", "created_at")
		.field("updatedAt", "updated_at");

	private static final String COLUMNS = """
			id, project_id, extension_id, dashboard_id, enabled, custom_config, position, created_at, updated_at""";

	private final DatabaseClient db;

	private final JsonColumns json;

	private final Positions positions;

	public ExtensionMappingRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
		this.positions = new Positions(db, "project_extension_mappings", "project_id");
	}

	public Mono<ExtensionMapping> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM project_extension_mappings WHERE id = :id")
			.bind("id", id)
			.map(row -> read(row, Selection.ALL))
			.one();
	}

	/** The project's mapping of the extension, if it has one. */
	public Mono<ExtensionMapping> findByProjectAndExtension(String projectId, String extensionId) {
		return db
			.sql("SELECT " + COLUMNS
					+ " FROM project_extension_mappings WHERE project_id = :project AND extension_id = :extension")
			.bind("project", projectId)
			.bind("extension", extensionId)
			.map(row -> read(row, Selection.ALL))
			.one();
	}

	/**
	 * The mappings of many projects in one statement, each project's by position, read
	 * for {@code selection} ({@code effectiveConfig} needs the custom config too).
	 */
	public Flux<ExtensionMapping> findByProjectIds(Collection<String> projectIds, Selection selection) {
		String columns = SELECTED.of(selection);
		if (selection.has("effectiveConfig") && !selection.has("customConfig")) {
			columns += ", custom_config";
		}
		return db
			.sql("SELECT " + columns
					+ " FROM project_extension_mappings WHERE project_id IN (:ids) ORDER BY project_id, position, id")
			.bind("ids", projectIds)
			.map(row -> read(row, selection))
			.all();
	}

	/**
	 * Installs the dashboard for its extension in the project in one statement: a new
	 * mapping at the end of the list, or, when the project already maps the extension
	 * (the unique key), that mapping switched to the dashboard, with {@code enabled} and
	 * {@code customConfig} replaced only when asked.
	 */
	public Mono<Void> upsert(ExtensionMapping mapping, boolean replaceEnabled, boolean replaceConfig) {
		StringBuilder updates = new StringBuilder("dashboard_id = VALUES(dashboard_id)");
		if (replaceEnabled) {
			updates.append(", enabled = VALUES(enabled)");
		}
		if (replaceConfig) {
			updates.append(", custom_config = VALUES(custom_config)");
		}
		return positions.next(mapping.projectId())
			.flatMap(next -> db.sql("""
					INSERT INTO project_extension_mappings (id, project_id, extension_id, dashboard_id, enabled,
					                                        custom_config, position)
					VALUES (:id, :project, :extension, :dashboard, :enabled, :config, :position)
					ON DUPLICATE KEY UPDATE\s""" + updates)
				.bind("id", mapping.id())
				.bind("project", mapping.projectId())
				.bind("extension", mapping.extensionId())
				.bind("dashboard", mapping.extensionDashboardId())
				.bind("enabled", mapping.enabled())
				.bind("config", config(mapping.customConfig()))
				.bind("position", next)
				.then());
	}

	/** Writes the mapping's enabled flag and custom config. */
	public Mono<Void> update(ExtensionMapping mapping) {
		return db
			.sql("UPDATE project_extension_mappings SET enabled = :enabled, custom_config = :config WHERE id = :id")
			.bind("enabled", mapping.enabled())
			.bind("config", config(mapping.customConfig()))
			.bind("id", mapping.id())
			.then();
	}

	/** Moves the mapping to {@code position} (clamped) among its project's. */
	public Mono<Void> move(ExtensionMapping mapping, int position) {
		return positions.move(mapping.projectId(), mapping.id(), position);
	}

	/** Deletes the mapping and closes the gap it leaves. */
	public Mono<Void> delete(ExtensionMapping mapping) {
		return db.sql("DELETE FROM project_extension_mappings WHERE id = :id")
			.bind("id", mapping.id())
			.then()
			.then(positions.compact(mapping.projectId()));
	}

	private Parameter config(@Nullable Object customConfig) {
		return Parameter.fromOrEmpty(json.write(customConfig), String.class);
	}

	/**
	 * A row as read for {@code selection}: the fields it does not select hold empty
	 * values, which nothing reads; the custom config is parsed only when needed.
	 */
	private ExtensionMapping read(Readable row, Selection selection) {
		boolean config = selection.hasAny("customConfig", "effectiveConfig");
		return new ExtensionMapping(string(row, "id"), string(row, "project_id"),
				selection.has("extensionId") ? string(row, "extension_id") : "", string(row, "dashboard_id"),
				selection.has("enabled") && Boolean.TRUE.equals(bool(row, "enabled")),
				config ? json.readOrNull(row, "custom_config") : null,
				selection.has("position") ? Objects.requireNonNullElse(integerOrNull(row, "position"), 0) : 0,
				selection.has("createdAt") ? instant(row, "created_at") : Instant.EPOCH,
				selection.has("updatedAt") ? instant(row, "updated_at") : Instant.EPOCH);
	}

}

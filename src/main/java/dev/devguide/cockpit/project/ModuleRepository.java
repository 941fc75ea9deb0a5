package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.integer;
import static dev.devguide.cockpit.persistence.Rows.string;

import dev.devguide.cockpit.graphql.SelectedColumns;
import dev.devguide.cockpit.graphql.Selection;
import dev.devguide.cockpit.persistence.JsonColumns;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code modules}. */
@Repository
public class ModuleRepository {

	/** The columns the loaders read: the id and the key relations read always. */
	private static final SelectedColumns SELECTED = SelectedColumns.always("id", "dashboard_id")
		.field("moduleType", "module_type")
		.field("name", "name")
		.field("configuration", "configuration")
		.field("position", "position")
		.field("createdAt", "created_at")
		.field("updatedAt", "updated_at");

	private static final String COLUMNS = """
			id, dashboard_id, module_type, name, configuration, position, created_at, updated_at""";

	private final DatabaseClient db;

	private final JsonColumns json;

	private final Positions positions;

	public ModuleRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
		this.positions = new Positions(db, "modules", "dashboard_id");
	}

	public Mono<Module> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM modules WHERE id = :id").bind("id", id).map(this::map).one();
	}

	/** The modules of the ids, read for {@code selection}. */
	public Flux<Module> findByIds(Collection<String> ids, Selection selection) {
		return db.sql("SELECT " + SELECTED.of(selection) + " FROM modules WHERE id IN (:ids)")
			.bind("ids", ids)
			.map(row -> read(row, selection))
			.all();
	}

	/** The modules of many dashboards in one statement, each dashboard's by position. */
	public Flux<Module> findByDashboardIds(Collection<String> dashboardIds, Selection selection) {
		return db
			.sql("SELECT " + SELECTED.of(selection)
					+ " FROM modules WHERE dashboard_id IN (:ids) ORDER BY position, id")
			.bind("ids", dashboardIds)
			.map(row -> read(row, selection))
			.all();
	}

	/** Inserts a module at the end of its dashboard's list and returns its position. */
	public Mono<Integer> insert(String id, String dashboardId, String moduleType, String name, Object configuration) {
		return positions.next(dashboardId)
			.flatMap(position -> db.sql("""
					INSERT INTO modules (id, dashboard_id, module_type, name, configuration, position)
					VALUES (:id, :dashboard, :type, :name, :configuration, :position)""")
				.bind("id", id)
				.bind("dashboard", dashboardId)
				.bind("type", moduleType)
				.bind("name", name)
				.bind("configuration", json.write(configuration))
				.bind("position", position)
				.then()
				.thenReturn(position));
	}

	public Mono<Void> update(Module module) {
		return db
			.sql("UPDATE modules SET module_type = :type, name = :name, configuration = :configuration WHERE id = :id")
			.bind("id", module.id())
			.bind("type", module.moduleType())
			.bind("name", module.name())
			.bind("configuration", json.write(module.configuration()))
			.then();
	}

	public Mono<Void> move(Module module, int position) {
		return positions.move(module.dashboardId(), module.id(), position);
	}

	/** Deletes the module (its capabilities cascade) and closes the gap it leaves. */
	public Mono<Void> delete(Module module) {
		return db.sql("DELETE FROM modules WHERE id = :id")
			.bind("id", module.id())
			.then()
			.then(positions.compact(module.dashboardId()));
	}

	Module map(Readable row) {
		return read(row, Selection.ALL);
	}

	/**
	 * A row as read for {@code selection}: the fields it does not select hold empty
	 * values, which nothing reads; the configuration is parsed only when selected.
	 */
	private Module read(Readable row, Selection selection) {
		return new Module(string(row, "id"), string(row, "dashboard_id"),
				selection.has("moduleType") ? string(row, "module_type") : "",
				selection.has("name") ? string(row, "name") : "",
				selection.has("configuration") ? json.read(row, "configuration") : Map.of(),
				selection.has("position") ? integer(row, "position") : 0,
				selection.has("createdAt") ? instant(row, "created_at") : Instant.EPOCH,
				selection.has("updatedAt") ? instant(row, "updated_at") : Instant.EPOCH);
	}

}

package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.integer;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;
import static dev.devguide.cockpit.project.ProjectRepository.text;

import dev.devguide.cockpit.graphql.SelectedColumns;
import dev.devguide.cockpit.graphql.Selection;
import dev.devguide.cockpit.persistence.JsonColumns;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code dashboards}. */
@Repository
public class DashboardRepository {

	/** The columns the loaders read: the id and the keys relations read always. */
	private static final SelectedColumns SELECTED = SelectedColumns.always("id", "profile_id", "template_id")
		.field("name", "name")
		.field("description", "description")
		.field("layout", "layout")
		.field("position", "position")
		.field("createdAt", "created_at")
		.field("updatedAt", "updated_at");

	private static final String COLUMNS = """
			id, profile_id, name, description, template_id, layout, created_at, updated_at, position""";

	private final DatabaseClient db;

	private final JsonColumns json;

	private final Positions positions;

	public DashboardRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
		this.positions = new Positions(db, "dashboards", "profile_id");
	}

	public Mono<Dashboard> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM dashboards WHERE id = :id").bind("id", id).map(this::map).one();
	}

	/** The dashboards of the ids, read for {@code selection}. */
	public Flux<Dashboard> findByIds(Collection<String> ids, Selection selection) {
		return db.sql("SELECT " + SELECTED.of(selection) + " FROM dashboards WHERE id IN (:ids)")
			.bind("ids", ids)
			.map(row -> read(row, selection))
			.all();
	}

	/** The dashboards of many profiles in one statement, each profile's by position. */
	public Flux<Dashboard> findByProfileIds(Collection<String> profileIds, Selection selection) {
		return db
			.sql("SELECT " + SELECTED.of(selection)
					+ " FROM dashboards WHERE profile_id IN (:ids) ORDER BY position, id")
			.bind("ids", profileIds)
			.map(row -> read(row, selection))
			.all();
	}

	/** Inserts a dashboard at the end of its profile's list and returns its position. */
	public Mono<Integer> insert(String id, String profileId, String name, @Nullable String description,
			@Nullable String templateId, Object layout) {
		return positions.next(profileId)
			.flatMap(position -> db.sql("""
					INSERT INTO dashboards (id, profile_id, name, description, template_id, layout, position)
					VALUES (:id, :profile, :name, :description, :template, :layout, :position)""")
				.bind("id", id)
				.bind("profile", profileId)
				.bind("name", name)
				.bind("description", text(description))
				.bind("template", text(templateId))
				.bind("layout", json.write(layout))
				.bind("position", position)
				.then()
				.thenReturn(position));
	}

	public Mono<Void> update(Dashboard dashboard) {
		return db.sql("""
				UPDATE dashboards SET name = :name, description = :description, template_id = :template,
				       layout = :layout
				WHERE id = :id""")
			.bind("id", dashboard.id())
			.bind("name", dashboard.name())
			.bind("description", text(dashboard.description()))
			.bind("template", text(dashboard.templateId()))
			.bind("layout", json.write(dashboard.layout()))
			.then();
	}

	public Mono<Void> move(Dashboard dashboard, int position) {
		return positions.move(dashboard.profileId(), dashboard.id(), position);
	}

	/** Deletes the dashboard (its modules cascade) and closes the gap it leaves. */
	public Mono<Void> delete(Dashboard dashboard) {
		return db.sql("DELETE FROM dashboards WHERE id = :id")
			.bind("id", dashboard.id())
			.then()
			.then(positions.compact(dashboard.profileId()));
	}

	Dashboard map(Readable row) {
		return read(row, Selection.ALL);
	}

	/**
	 * A row as read for {@code selection}: the fields it does not select hold empty
	 * values, which nothing reads; the layout is parsed only when selected.
	 */
	private Dashboard read(Readable row, Selection selection) {
		return new Dashboard(string(row, "id"), string(row, "profile_id"),
				selection.has("name") ? string(row, "name") : "",
				selection.has("description") ? stringOrNull(row, "description") : null,
				stringOrNull(row, "template_id"), selection.has("layout") ? json.read(row, "layout") : Map.of(),
				selection.has("createdAt") ? instant(row, "created_at") : Instant.EPOCH,
				selection.has("updatedAt") ? instant(row, "updated_at") : Instant.EPOCH,
				selection.has("position") ? integer(row, "position") : 0);
	}

}

package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.integer;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;
import static dev.devguide.cockpit.project.ProjectRepository.text;

import dev.devguide.cockpit.persistence.JsonColumns;
import io.r2dbc.spi.Readable;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code dashboards}. */
@Repository
public class DashboardRepository {

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

	public Flux<Dashboard> findByIds(Collection<String> ids) {
		return db.sql("SELECT " + COLUMNS + " FROM dashboards WHERE id IN (:ids)")
			.bind("ids", ids)
			.map(this::map)
			.all();
	}

	/** The dashboards of many profiles in one statement, each profile's by position. */
	public Flux<Dashboard> findByProfileIds(Collection<String> profileIds) {
		return db.sql("SELECT " + COLUMNS + " FROM dashboards WHERE profile_id IN (:ids) ORDER BY position, id")
			.bind("ids", profileIds)
			.map(this::map)
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
		return new Dashboard(string(row, "id"), string(row, "profile_id"), string(row, "name"),
				stringOrNull(row, "description"), stringOrNull(row, "template_id"), json.read(row, "layout"),
				instant(row, "created_at"), instant(row, "updated_at"), integer(row, "position"));
	}

}

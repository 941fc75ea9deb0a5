package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;
import static dev.devguide.cockpit.project.ProjectRepository.text;

import dev.devguide.cockpit.graphql.SelectedColumns;
import dev.devguide.cockpit.graphql.Selection;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code profiles}. */
@Repository
public class ProfileRepository {

	/** The columns the loaders read: the id and the keys relations read always. */
	private static final SelectedColumns SELECTED = SelectedColumns.always("id", "project_id", "active_dashboard_id")
		.field("name", "name")
		.field("description", "description")
		.field("createdAt", "created_at")
		.field("updatedAt", "updated_at");

	private static final String COLUMNS = """
			id, project_id, name, description, created_at, updated_at, active_dashboard_id""";

	private final DatabaseClient db;

	public ProfileRepository(DatabaseClient db) {
		this.db = db;
	}

	public Mono<Profile> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM profiles WHERE id = :id")
			.bind("id", id)
			.map(ProfileRepository::map)
			.one();
	}

	/** The profiles of the ids, read for {@code selection}. */
	public Flux<Profile> findByIds(Collection<String> ids, Selection selection) {
		return db.sql("SELECT " + SELECTED.of(selection) + " FROM profiles WHERE id IN (:ids)")
			.bind("ids", ids)
			.map(row -> read(row, selection))
			.all();
	}

	/**
	 * The profiles of many projects in one statement, each project's in creation order.
	 */
	public Flux<Profile> findByProjectIds(Collection<String> projectIds, Selection selection) {
		return db
			.sql("SELECT " + SELECTED.of(selection)
					+ " FROM profiles WHERE project_id IN (:ids) ORDER BY created_at, id")
			.bind("ids", projectIds)
			.map(row -> read(row, selection))
			.all();
	}

	public Mono<Void> insert(String id, String projectId, String name, @Nullable String description) {
		return db
			.sql("INSERT INTO profiles (id, project_id, name, description) VALUES (:id, :project, :name, :description)")
			.bind("id", id)
			.bind("project", projectId)
			.bind("name", name)
			.bind("description", text(description))
			.then();
	}

	public Mono<Void> update(Profile profile) {
		return db.sql("""
				UPDATE profiles SET name = :name, description = :description, active_dashboard_id = :active
				WHERE id = :id""")
			.bind("id", profile.id())
			.bind("name", profile.name())
			.bind("description", text(profile.description()))
			.bind("active", text(profile.activeDashboardId()))
			.then();
	}

	/**
	 * Clears the active dashboard of whichever profile shows {@code dashboardId} (before
	 * it is deleted).
	 */
	public Mono<Void> clearActive(String dashboardId) {
		return db.sql("UPDATE profiles SET active_dashboard_id = NULL WHERE active_dashboard_id = :id")
			.bind("id", dashboardId)
			.then();
	}

	public Mono<Long> delete(String id) {
		return db.sql("DELETE FROM profiles WHERE id = :id").bind("id", id).fetch().rowsUpdated();
	}

	static Profile map(Readable row) {
		return read(row, Selection.ALL);
	}

	/**
	 * A row as read for {@code selection}: the fields it does not select hold empty
	 * values, which nothing reads.
	 */
	private static Profile read(Readable row, Selection selection) {
		return new Profile(string(row, "id"), string(row, "project_id"),
				selection.has("name") ? string(row, "name") : "",
				selection.has("description") ? stringOrNull(row, "description") : null,
				selection.has("createdAt") ? instant(row, "created_at") : Instant.EPOCH,
				selection.has("updatedAt") ? instant(row, "updated_at") : Instant.EPOCH,
				stringOrNull(row, "active_dashboard_id"));
	}

}

package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;
import static dev.devguide.cockpit.project.ProjectRepository.text;

import io.r2dbc.spi.Readable;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code profiles}. */
@Repository
public class ProfileRepository {

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

	public Flux<Profile> findByIds(Collection<String> ids) {
		return db.sql("SELECT " + COLUMNS + " FROM profiles WHERE id IN (:ids)")
			.bind("ids", ids)
			.map(ProfileRepository::map)
			.all();
	}

	/**
	 * The profiles of many projects in one statement, each project's in creation order.
	 */
	public Flux<Profile> findByProjectIds(Collection<String> projectIds) {
		return db.sql("SELECT " + COLUMNS + " FROM profiles WHERE project_id IN (:ids) ORDER BY created_at, id")
			.bind("ids", projectIds)
			.map(ProfileRepository::map)
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
		return new Profile(string(row, "id"), string(row, "project_id"), string(row, "name"),
				stringOrNull(row, "description"), instant(row, "created_at"), instant(row, "updated_at"),
				stringOrNull(row, "active_dashboard_id"));
	}

}

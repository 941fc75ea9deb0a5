package dev.devguide.cockpit.project;

import dev.devguide.cockpit.audit.AuditProject;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.security.Caller;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Finds the project above a profile, dashboard or module and checks that the caller may
 * change it: for someone else's the answer is NOT_FOUND naming what was asked for, the
 * same as for something that does not exist, so that no one learns another tenant's ids
 * or which exist. The project row is locked (FOR UPDATE) until the transaction ends, so
 * changes within one project run one after another. The project located is the project of
 * the mutation's audit row ({@link AuditProject}).
 */
@Repository
public class Ownership {

	private final DatabaseClient db;

	public Ownership(DatabaseClient db) {
		this.db = db;
	}

	/** The project id, after checking the caller may change that project. */
	public Mono<String> project(Caller caller, String projectId) {
		return lockProject(caller, projectId, "Project", projectId);
	}

	public Mono<String> profile(Caller caller, String profileId) {
		return child(caller, "SELECT project_id FROM profiles WHERE id = :id", profileId, "Profile");
	}

	public Mono<String> dashboard(Caller caller, String dashboardId) {
		return child(caller,
				"SELECT pr.project_id FROM dashboards d JOIN profiles pr ON pr.id = d.profile_id " + "WHERE d.id = :id",
				dashboardId, "Dashboard");
	}

	public Mono<String> module(Caller caller, String moduleId) {
		return child(caller, "SELECT pr.project_id FROM modules m JOIN dashboards d ON d.id = m.dashboard_id "
				+ "JOIN profiles pr ON pr.id = d.profile_id WHERE m.id = :id", moduleId, "Module");
	}

	/**
	 * Finds the child's project without locking, locks the project row first (so every
	 * transaction of a project takes its locks in the same order, which rules out
	 * deadlocks between siblings), then checks the child is still there: it may have been
	 * deleted by the transaction that held the lock before.
	 */
	private Mono<String> child(Caller caller, String locate, String id, String resource) {
		// the located project_id is NOT NULL
		Mono<String> projectOf = db.sql(locate)
			.bind("id", id)
			.map(row -> Objects.requireNonNull(row.get(0, String.class)))
			.one();
		return projectOf.switchIfEmpty(Mono.error(() -> ApiException.notFound(resource, id)))
			.flatMap(projectId -> lockProject(caller, projectId, resource, id))
			.flatMap(projectId -> projectOf.filter(projectId::equals)
				.switchIfEmpty(Mono.error(() -> ApiException.notFound(resource, id))));
	}

	/**
	 * Like {@link #project}, but a refusal names {@code resource} {@code id} (what the
	 * caller asked for) rather than the project.
	 */
	public Mono<String> projectOf(Caller caller, String projectId, String resource, String id) {
		return lockProject(caller, projectId, resource, id);
	}

	/**
	 * The owners of the projects that exist among {@code projectIds}, without locking
	 * (for writes that do not serialize on the project, like usage ingest, and for
	 * checking what a caller may read).
	 */
	public Mono<Map<String, String>> owners(Collection<String> projectIds) {
		if (projectIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return db.sql("SELECT id, owner_user_id FROM projects WHERE id IN (:ids)")
			.bind("ids", projectIds)
			.map(row -> Map.entry(Rows.string(row, "id"), Rows.string(row, "owner_user_id")))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private Mono<String> lockProject(Caller caller, String projectId, String resource, String id) {
		return db.sql("SELECT owner_user_id FROM projects WHERE id = :id FOR UPDATE")
			.bind("id", projectId)
			.map(row -> Rows.string(row, "owner_user_id"))
			.one()
			.switchIfEmpty(Mono.error(() -> ApiException.notFound(resource, id)))
			// the audit row of this mutation, refused or not, belongs to the project
			.flatMap(owner -> AuditProject.located(projectId).thenReturn(owner))
			.flatMap(owner -> caller.owns(owner) ? Mono.just(projectId)
					: Mono.error(ApiException.notFound(resource, id)));
	}

}

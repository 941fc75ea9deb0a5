package dev.devguide.cockpit.project;

import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.security.Caller;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Finds the project above a profile, dashboard or module and checks that the caller may
 * change it. The project row is locked (FOR UPDATE) until the transaction ends, so
 * changes within one project run one after another.
 */
@Repository
public class Ownership {

	private final DatabaseClient db;

	public Ownership(DatabaseClient db) {
		this.db = db;
	}

	/** The project id, after checking the caller may change that project. */
	public Mono<String> project(Caller caller, String projectId) {
		return lock("projects p", "p.id = :id", projectId, caller, "Project");
	}

	public Mono<String> profile(Caller caller, String profileId) {
		return lock("profiles pr JOIN projects p ON p.id = pr.project_id", "pr.id = :id", profileId, caller, "Profile");
	}

	public Mono<String> dashboard(Caller caller, String dashboardId) {
		return lock("dashboards d JOIN profiles pr ON pr.id = d.profile_id JOIN projects p ON p.id = pr.project_id",
				"d.id = :id", dashboardId, caller, "Dashboard");
	}

	public Mono<String> module(Caller caller, String moduleId) {
		return lock("modules m JOIN dashboards d ON d.id = m.dashboard_id JOIN profiles pr ON pr.id = d.profile_id "
				+ "JOIN projects p ON p.id = pr.project_id", "m.id = :id", moduleId, caller, "Module");
	}

	private Mono<String> lock(String from, String where, String id, Caller caller, String resource) {
		return db.sql("SELECT p.id AS project_id, p.owner_user_id FROM " + from + " WHERE " + where + " FOR UPDATE")
			.bind("id", id)
			.map(row -> new String[] { row.get("project_id", String.class), row.get("owner_user_id", String.class) })
			.one()
			.switchIfEmpty(Mono.error(() -> ApiException.notFound(resource, id)))
			.flatMap(found -> caller.owns(found[1]) ? Mono.just(found[0])
					: Mono.error(ApiException.forbidden("You may not change " + resource + " " + id)));
	}

}

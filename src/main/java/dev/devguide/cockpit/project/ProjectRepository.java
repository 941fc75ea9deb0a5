package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.string;

import dev.devguide.cockpit.graphql.Cursors;
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code projects}. */
@Repository
public class ProjectRepository {

	private static final String COLUMNS = """
			id, name, description, owner_user_id, created_at, updated_at, workflow_template, git_repository""";

	private final DatabaseClient db;

	public ProjectRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Up to {@code limit} projects matching the filter, ordered by creation time then id,
	 * after a position.
	 */
	public Flux<Project> page(ProjectFilter filter, Cursors.Position after, int limit) {
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> where = conditions(filter, params);
		if (after != null) {
			where.add("(created_at > :afterTime OR (created_at = :afterTime AND id > :afterId))");
			params.put("afterTime", dev.devguide.cockpit.persistence.Rows.utc(after.time()));
			params.put("afterId", after.id());
		}
		String sql = "SELECT " + COLUMNS + " FROM projects" + whereClause(where) + " ORDER BY created_at, id LIMIT "
				+ limit;
		return bindAll(db.sql(sql), params).map(ProjectRepository::map).all();
	}

	public Mono<Long> count(ProjectFilter filter) {
		Map<String, Object> params = new LinkedHashMap<>();
		String sql = "SELECT COUNT(*) AS total FROM projects" + whereClause(conditions(filter, params));
		return bindAll(db.sql(sql), params).map(row -> row.get("total", Long.class)).one();
	}

	public Mono<Project> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM projects WHERE id = :id")
			.bind("id", id)
			.map(ProjectRepository::map)
			.one();
	}

	public Flux<Project> findByIds(Collection<String> ids) {
		return db.sql("SELECT " + COLUMNS + " FROM projects WHERE id IN (:ids)")
			.bind("ids", ids)
			.map(ProjectRepository::map)
			.all();
	}

	/** The owner of a project, locking its row until the transaction ends. */
	public Mono<String> lockOwner(String id) {
		return db.sql("SELECT owner_user_id FROM projects WHERE id = :id FOR UPDATE")
			.bind("id", id)
			.map(row -> row.get("owner_user_id", String.class))
			.one();
	}

	public Mono<Void> insert(String id, String name, String description, String owner, String workflowTemplate,
			String gitRepository) {
		return db.sql("""
				INSERT INTO projects (id, name, description, owner_user_id, workflow_template, git_repository)
				VALUES (:id, :name, :description, :owner, :template, :git)""")
			.bind("id", id)
			.bind("name", name)
			.bind("description", text(description))
			.bind("owner", owner)
			.bind("template", text(workflowTemplate))
			.bind("git", text(gitRepository))
			.then();
	}

	public Mono<Void> update(Project project) {
		return db.sql("""
				UPDATE projects SET name = :name, description = :description, workflow_template = :template,
				       git_repository = :git
				WHERE id = :id""")
			.bind("id", project.id())
			.bind("name", project.name())
			.bind("description", text(project.description()))
			.bind("template", text(project.workflowTemplate()))
			.bind("git", text(project.gitRepository()))
			.then();
	}

	public Mono<Long> delete(String id) {
		return db.sql("DELETE FROM projects WHERE id = :id").bind("id", id).fetch().rowsUpdated();
	}

	static Parameter text(String value) {
		return Parameter.fromOrEmpty(value, String.class);
	}

	private static List<String> conditions(ProjectFilter filter, Map<String, Object> params) {
		List<String> where = new ArrayList<>();
		if (filter.visibleTo() != null) {
			where.add("owner_user_id = :visibleTo");
			params.put("visibleTo", filter.visibleTo());
		}
		if (filter.ownerUserId() != null) {
			where.add("owner_user_id = :owner");
			params.put("owner", filter.ownerUserId());
		}
		if (filter.workflowTemplate() != null) {
			where.add("workflow_template = :template");
			params.put("template", filter.workflowTemplate());
		}
		if (filter.nameContains() != null) {
			where.add("LOWER(name) LIKE LOWER(:name) ESCAPE '!'");
			params.put("name", "%" + filter.nameContains().replaceAll("([!%_])", "!$1") + "%");
		}
		return where;
	}

	private static String whereClause(List<String> where) {
		return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
	}

	private static DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec,
			Map<String, Object> params) {
		DatabaseClient.GenericExecuteSpec bound = spec;
		for (Map.Entry<String, Object> param : params.entrySet()) {
			bound = bound.bind(param.getKey(), param.getValue());
		}
		return bound;
	}

	static Project map(Readable row) {
		return new Project(string(row, "id"), string(row, "name"), string(row, "description"),
				string(row, "owner_user_id"), instant(row, "created_at"), instant(row, "updated_at"),
				string(row, "workflow_template"), string(row, "git_repository"));
	}

}

package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.graphql.SelectedColumns;
import dev.devguide.cockpit.graphql.Selection;
import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.persistence.SqlConditions;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for {@code projects}. */
@Repository
public class ProjectRepository {

	/** The columns the loaders and the page read: id, owner and the page order always. */
	private static final SelectedColumns SELECTED = SelectedColumns.always("id", "owner_user_id", "created_at")
		.field("name", "name")
		.field("description", "description")
		.field("updatedAt", "updated_at")
		.field("workflowTemplate", "workflow_template")
		.field("gitRepository", "git_repository");

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
	public Flux<Project> page(ProjectFilter filter, Cursors.@Nullable Position after, int limit, Selection selection) {
		SqlConditions where = conditions(filter);
		if (after != null) {
			where.add("(created_at > :afterTime OR (created_at = :afterTime AND id > :afterId))")
				.parameter("afterTime", Rows.utc(after.time()))
				.parameter("afterId", after.id());
		}
		String sql = "SELECT " + SELECTED.of(selection) + " FROM projects" + where.where()
				+ " ORDER BY created_at, id LIMIT " + limit;
		return where.bind(db.sql(sql)).map(row -> read(row, selection)).all();
	}

	public Mono<Long> count(ProjectFilter filter) {
		SqlConditions where = conditions(filter);
		return where.bind(db.sql("SELECT COUNT(*) AS total FROM projects" + where.where()))
			.map(row -> Rows.longValue(row, "total"))
			.one();
	}

	public Mono<Project> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM projects WHERE id = :id")
			.bind("id", id)
			.map(ProjectRepository::map)
			.one();
	}

	/** The projects of the ids, read for {@code selection}. */
	public Flux<Project> findByIds(Collection<String> ids, Selection selection) {
		return db.sql("SELECT " + SELECTED.of(selection) + " FROM projects WHERE id IN (:ids)")
			.bind("ids", ids)
			.map(row -> read(row, selection))
			.all();
	}

	public Mono<Void> insert(String id, String name, @Nullable String description, String owner,
			@Nullable String workflowTemplate, @Nullable String gitRepository) {
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

	/** A nullable text column's value: NULL for null. */
	static Parameter text(@Nullable String value) {
		return Parameter.fromOrEmpty(value, String.class);
	}

	private static SqlConditions conditions(ProjectFilter filter) {
		String name = filter.nameContains() == null ? null
				: "%" + filter.nameContains().replaceAll("([!%_])", "!$1") + "%";
		return new SqlConditions().optional("owner_user_id = :visibleTo", "visibleTo", filter.visibleTo())
			.optional("owner_user_id = :owner", "owner", filter.ownerUserId())
			.optional("workflow_template = :template", "template", filter.workflowTemplate())
			.optional("LOWER(name) LIKE LOWER(:name) ESCAPE '!'", "name", name);
	}

	static Project map(Readable row) {
		return read(row, Selection.ALL);
	}

	/**
	 * A row as read for {@code selection}: the fields it does not select hold empty
	 * values, which nothing reads.
	 */
	private static Project read(Readable row, Selection selection) {
		return new Project(string(row, "id"), selection.has("name") ? string(row, "name") : "",
				selection.has("description") ? stringOrNull(row, "description") : null, string(row, "owner_user_id"),
				instant(row, "created_at"), selection.has("updatedAt") ? instant(row, "updated_at") : Instant.EPOCH,
				selection.has("workflowTemplate") ? stringOrNull(row, "workflow_template") : null,
				selection.has("gitRepository") ? stringOrNull(row, "git_repository") : null);
	}

}

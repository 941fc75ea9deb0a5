package dev.devguide.cockpit.project;

import dev.devguide.cockpit.audit.AuditLog;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Page;
import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.CallerContext;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Projects: listing and reading within the caller's scope, and audited create / update /
 * delete.
 */
@Service
public class ProjectService {

	static final String TYPE = "project";

	private final ProjectRepository projects;

	private final Ownership ownership;

	private final AuditedTransactions transactions;

	private final AuditLog audit;

	public ProjectService(ProjectRepository projects, Ownership ownership, AuditedTransactions transactions,
			AuditLog audit) {
		this.projects = projects;
		this.ownership = ownership;
		this.transactions = transactions;
		this.audit = audit;
	}

	/** A page of the projects the caller may see (admins: all), oldest first. */
	public Mono<Page<Project>> page(Input filter, int first, String after) {
		Cursors.Position position = after == null ? null : Cursors.decode(after, "after");
		return CallerContext.current().flatMap(caller -> {
			ProjectFilter criteria = new ProjectFilter(filter.text("ownerUserId", 255),
					filter.text("workflowTemplate", 100), filter.text("nameContains", 255),
					caller.admin() ? null : caller.userId());
			return projects.page(criteria, position, first + 1)
				.collectList()
				.map(rows -> Page.of(rows, first, position != null,
						project -> Cursors.encode(project.createdAt(), project.id()), () -> projects.count(criteria)));
		});
	}

	/** One project; FORBIDDEN when it belongs to someone else. */
	public Mono<Project> get(String id) {
		return CallerContext.current()
			.flatMap(caller -> projects.findById(id)
				.switchIfEmpty(Mono.error(() -> ApiException.notFound("Project", id)))
				.flatMap(project -> caller.owns(project.ownerUserId()) ? Mono.just(project)
						: Mono.error(ApiException.forbidden("You may not read project " + id))));
	}

	public Mono<Project> create(Input input) {
		String id = UUID.randomUUID().toString();
		return transactions.run("project.create", TYPE, id, caller -> {
			String owner = owner(caller, input);
			return projects
				.insert(id, input.requiredText("name", 255), input.text("description", Input.TEXT_BYTES), owner,
						input.text("workflowTemplate", 100), input.text("gitRepository", 500))
				.then(audit.success(caller, "project.create", TYPE, id, Map.of("owner", owner)))
				.then(projects.findById(id));
		});
	}

	public Mono<Project> update(String id, Input input) {
		return transactions.run("project.update", TYPE, id, caller -> ownership.project(caller, id)
			.then(projects.findById(id))
			.map(current -> new Project(id, input.has("name") ? input.requiredText("name", 255) : current.name(),
					input.has("description") ? input.text("description", Input.TEXT_BYTES) : current.description(),
					current.ownerUserId(), current.createdAt(), current.updatedAt(),
					input.has("workflowTemplate") ? input.text("workflowTemplate", 100) : current.workflowTemplate(),
					input.has("gitRepository") ? input.text("gitRepository", 500) : current.gitRepository()))
			.flatMap(changed -> projects.update(changed))
			.then(audit.success(caller, "project.update", TYPE, id, Map.of("fields", input.fieldNames())))
			.then(projects.findById(id)));
	}

	/** Deletes the project and, through the foreign keys, everything under it. */
	public Mono<String> delete(String id) {
		return transactions.run("project.delete", TYPE, id,
				caller -> ownership.project(caller, id)
					.then(projects.delete(id))
					.then(audit.success(caller, "project.delete", TYPE, id, Map.of()))
					.thenReturn(id));
	}

	/**
	 * Admins may create a project for another owner; everyone else owns what they create.
	 */
	private static String owner(Caller caller, Input input) {
		String requested = input.text("ownerUserId", 255);
		if (requested == null || requested.equals(caller.userId())) {
			return caller.userId();
		}
		if (!caller.admin()) {
			throw ApiException.forbidden("Only admins may create projects for another owner");
		}
		return requested;
	}

}

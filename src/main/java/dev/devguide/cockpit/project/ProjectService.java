package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.project.ProjectInputs.FILTER_OWNER;
import static dev.devguide.cockpit.project.ProjectInputs.FILTER_WORKFLOW;
import static dev.devguide.cockpit.project.ProjectInputs.GIT_REPOSITORY;
import static dev.devguide.cockpit.project.ProjectInputs.NAME;
import static dev.devguide.cockpit.project.ProjectInputs.NAME_CONTAINS;
import static dev.devguide.cockpit.project.ProjectInputs.OWNER;
import static dev.devguide.cockpit.project.ProjectInputs.PROJECT_DESCRIPTION;
import static dev.devguide.cockpit.project.ProjectInputs.WORKFLOW_TEMPLATE;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Page;
import dev.devguide.cockpit.graphql.Selection;
import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.CallerContext;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

	public ProjectService(ProjectRepository projects, Ownership ownership, AuditedTransactions transactions) {
		this.projects = projects;
		this.ownership = ownership;
		this.transactions = transactions;
	}

	/** A page of the projects the caller may see (admins: all), oldest first. */
	public Mono<Page<Project>> page(Input filter, int first, Cursors.@Nullable Position after, Selection selection) {
		return CallerContext.current().flatMap(caller -> {
			ProjectFilter criteria = new ProjectFilter(filter.optional(FILTER_OWNER), filter.optional(FILTER_WORKFLOW),
					filter.optional(NAME_CONTAINS), caller.admin() ? null : caller.userId());
			return projects.page(criteria, after, first + 1, selection)
				.collectList()
				.map(rows -> Page.of(rows, first, after != null,
						project -> Cursors.encode(project.createdAt(), project.id()), () -> projects.count(criteria)));
		});
	}

	/**
	 * One project; NOT_FOUND, as if it did not exist, when it belongs to someone else.
	 */
	public Mono<Project> get(String id) {
		return readable(id, "Project", id);
	}

	/**
	 * The project, when the caller may read it; else NOT_FOUND naming {@code resource}
	 * {@code id} (what the caller asked for, under the project), the same answer as when
	 * it does not exist.
	 */
	public Mono<Project> readable(String projectId, String resource, String id) {
		return CallerContext.current()
			.flatMap(caller -> projects.findById(projectId)
				.filter(project -> caller.owns(project.ownerUserId()))
				.switchIfEmpty(Mono.error(() -> ApiException.notFound(resource, id))));
	}

	public Mono<Project> create(Input input) {
		String id = UUID.randomUUID().toString();
		return transactions.run(AuditFacts.of("project.create", TYPE, id), caller -> {
			String owner = owner(caller, input);
			return projects
				.insert(id, input.required(NAME), input.optional(PROJECT_DESCRIPTION), owner,
						input.optional(WORKFLOW_TEMPLATE), input.optional(GIT_REPOSITORY))
				.then(projects.findById(id));
		}, (facts, created) -> facts.with("owner", created.ownerUserId()));
	}

	public Mono<Project> update(String id, Input input) {
		return transactions.run(AuditFacts.of("project.update", TYPE, id).with("fields", input.fieldNames()),
				caller -> ownership.project(caller, id)
					.then(projects.findById(id))
					.map(current -> new Project(id, input.update(NAME, current.name()),
							input.updateOrClear(PROJECT_DESCRIPTION, current.description()), current.ownerUserId(),
							current.createdAt(), current.updatedAt(),
							input.updateOrClear(WORKFLOW_TEMPLATE, current.workflowTemplate()),
							input.updateOrClear(GIT_REPOSITORY, current.gitRepository())))
					.flatMap(projects::update)
					.then(projects.findById(id)));
	}

	/** Deletes the project and, through the foreign keys, everything under it. */
	public Mono<String> delete(String id) {
		return transactions.run(AuditFacts.of("project.delete", TYPE, id),
				caller -> ownership.project(caller, id).then(projects.delete(id)).thenReturn(id));
	}

	/**
	 * Admins may create a project for another owner; everyone else owns what they create.
	 */
	private static String owner(Caller caller, Input input) {
		String requested = input.optional(OWNER);
		if (requested == null || requested.equals(caller.userId())) {
			return caller.userId();
		}
		if (!caller.admin()) {
			throw ApiException.forbidden("Only admins may create projects for another owner");
		}
		return requested;
	}

}

package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.project.ProjectInputs.DASHBOARD_DESCRIPTION;
import static dev.devguide.cockpit.project.ProjectInputs.INSERT_AT;
import static dev.devguide.cockpit.project.ProjectInputs.LAYOUT;
import static dev.devguide.cockpit.project.ProjectInputs.NAME;
import static dev.devguide.cockpit.project.ProjectInputs.POSITION;
import static dev.devguide.cockpit.project.ProjectInputs.TEMPLATE_ID;
import static dev.devguide.cockpit.project.ProjectInputs.VERSION;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.audit.VersionHistory;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Dashboards: audited create / update / move / delete, each change snapshotted in
 * {@code version_history}.
 */
@Service
public class DashboardService {

	static final String TYPE = "dashboard";

	private final DashboardRepository dashboards;

	private final ProfileRepository profiles;

	private final TemplateReferences templates;

	private final Ownership ownership;

	private final AuditedTransactions transactions;

	private final VersionedChildren<Dashboard> versioned;

	public DashboardService(DashboardRepository dashboards, ProfileRepository profiles, TemplateReferences templates,
			Ownership ownership, AuditedTransactions transactions, VersionHistory versions) {
		this.dashboards = dashboards;
		this.profiles = profiles;
		this.templates = templates;
		this.ownership = ownership;
		this.transactions = transactions;
		this.versioned = new VersionedChildren<>(TYPE, dashboards::findById, dashboards::move, versions);
	}

	/**
	 * Adds a dashboard at the end of the profile's list, or at {@code input.position}.
	 */
	public Mono<Dashboard> create(String profileId, Input input) {
		String id = UUID.randomUUID().toString();
		return transactions.run(AuditFacts.of("dashboard.create", TYPE, id).with("profileId", profileId),
				caller -> ownership.profile(caller, profileId).then(Mono.defer(() -> {
					String templateId = input.optional(TEMPLATE_ID);
					return checkTemplate(input, templateId).then(dashboards.insert(id, profileId, input.required(NAME),
							input.optional(DASHBOARD_DESCRIPTION), templateId, input.required(LAYOUT)));
				})).then(Mono.defer(() -> versioned.created(caller, id, input.optional(INSERT_AT)))));
	}

	public Mono<Dashboard> update(String id, Input input) {
		return transactions.run(AuditFacts.of("dashboard.update", TYPE, id).with("fields", input.fieldNames()),
				caller -> ownership.dashboard(caller, id).then(dashboards.findById(id)).flatMap(current -> {
					Dashboard changed = new Dashboard(id, current.profileId(), input.update(NAME, current.name()),
							input.updateOrClear(DASHBOARD_DESCRIPTION, current.description()),
							input.updateOrClear(TEMPLATE_ID, current.templateId()),
							input.update(LAYOUT, current.layout()), current.createdAt(), current.updatedAt(),
							current.position());
					Mono<Void> template = input.has(TEMPLATE_ID) ? checkTemplate(input, changed.templateId())
							: Mono.empty();
					return template.then(dashboards.update(changed));
				}).then(Mono.defer(() -> versioned.updated(caller, id, input.fieldNames()))));
	}

	/**
	 * Moves the dashboard to the checked {@code position} argument among its profile's
	 * dashboards (0 is first).
	 */
	public Mono<Dashboard> move(String id, Input arguments) {
		return transactions.run(AuditFacts.of("dashboard.move", TYPE, id), caller -> {
			int position = arguments.required(POSITION);
			return ownership.dashboard(caller, id).then(versioned.moved(caller, id, position));
		}, (facts, moved) -> facts.with("position", moved.position()));
	}

	/**
	 * Makes version {@code version} of the dashboard current: its name, description and
	 * layout (the template link and the position stay as they are), recorded as a new
	 * version. An unknown version is a BAD_REQUEST naming {@code version}.
	 */
	public Mono<Dashboard> restore(String id, Input arguments) {
		// authorization first: another user's resource is refused whatever the version
		return transactions.run(AuditFacts.of("dashboard.restoreVersion", TYPE, id),
				caller -> ownership.dashboard(caller, id).then(Mono.defer(() -> {
					int number = arguments.required(VERSION);
					return versioned.restored(caller, id, number, arguments.path(VERSION), (current,
							snapshot) -> dashboards.update(new Dashboard(id, current.profileId(),
									VersionedChildren.text(snapshot, "name", current.name()),
									VersionedChildren.textOrNull(snapshot, "description", current.description()),
									current.templateId(), VersionedChildren.json(snapshot, "layout", current.layout()),
									current.createdAt(), current.updatedAt(), current.position())));
				})),
				(facts, restored) -> facts.with("restored", restored.restored()).with("version", restored.version()))
			.map(VersionedChildren.Restored::row);
	}

	/**
	 * Deletes the dashboard (modules and capabilities cascade) and clears it as its
	 * profile's active one.
	 */
	public Mono<String> delete(String id) {
		return transactions.run(AuditFacts.of("dashboard.delete", TYPE, id),
				caller -> ownership.dashboard(caller, id)
					.then(dashboards.findById(id))
					.flatMap(current -> profiles.clearActive(id).then(dashboards.delete(current)))
					.thenReturn(id));
	}

	private Mono<Void> checkTemplate(Input input, @Nullable String templateId) {
		if (templateId == null) {
			return Mono.empty();
		}
		return templates.exists(templateId)
			.flatMap(exists -> exists ? Mono.<Void>empty() : Mono
				.error(ApiException.badRequest(input.path(TEMPLATE_ID), "template " + templateId + " does not exist")));
	}

}

package dev.devguide.cockpit.project;

import dev.devguide.cockpit.audit.AuditLog;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.audit.VersionHistory;
import dev.devguide.cockpit.configuration.TemplateRepository;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.security.Caller;
import java.util.Map;
import java.util.UUID;
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

	private final TemplateRepository templates;

	private final Ownership ownership;

	private final AuditedTransactions transactions;

	private final AuditLog audit;

	private final VersionHistory versions;

	public DashboardService(DashboardRepository dashboards, ProfileRepository profiles, TemplateRepository templates,
			Ownership ownership, AuditedTransactions transactions, AuditLog audit, VersionHistory versions) {
		this.dashboards = dashboards;
		this.profiles = profiles;
		this.templates = templates;
		this.ownership = ownership;
		this.transactions = transactions;
		this.audit = audit;
		this.versions = versions;
	}

	/**
	 * Adds a dashboard at the end of the profile's list, or at {@code input.position}.
	 */
	public Mono<Dashboard> create(String profileId, Input input) {
		String id = UUID.randomUUID().toString();
		return transactions.run("dashboard.create", TYPE, id,
				caller -> ownership.profile(caller, profileId).then(Mono.defer(() -> {
					String templateId = input.text("templateId", 36);
					return checkTemplate(templateId).then(dashboards.insert(id, profileId,
							input.requiredText("name", 255), input.text("description", Input.TEXT_BYTES), templateId,
							input.jsonObject("layout", true)));
				}))
					.flatMap(appended -> position(input) == null ? Mono.empty()
							: dashboards.findById(id).flatMap(created -> dashboards.move(created, position(input))))
					.then(dashboards.findById(id))
					.flatMap(created -> versions.snapshot(caller, TYPE, id, created, "created")
						.then(audit.success(caller, "dashboard.create", TYPE, id, Map.of("profileId", profileId)))
						.thenReturn(created)));
	}

	public Mono<Dashboard> update(String id, Input input) {
		return transactions.run("dashboard.update", TYPE, id,
				caller -> ownership.dashboard(caller, id).then(dashboards.findById(id)).flatMap(current -> {
					String templateId = input.has("templateId") ? input.text("templateId", 36) : current.templateId();
					Dashboard changed = new Dashboard(id, current.profileId(),
							input.has("name") ? input.requiredText("name", 255) : current.name(),
							input.has("description") ? input.text("description", Input.TEXT_BYTES)
									: current.description(),
							templateId, input.has("layout") ? input.jsonObject("layout", true) : current.layout(),
							current.createdAt(), current.updatedAt(), current.position());
					return checkTemplate(input.has("templateId") ? templateId : null).then(dashboards.update(changed));
				})
					.then(snapshot(caller, id, "updated: " + String.join(", ", input.fieldNames())))
					.flatMap(updated -> audit
						.success(caller, "dashboard.update", TYPE, id, Map.of("fields", input.fieldNames()))
						.thenReturn(updated)));
	}

	/**
	 * Moves the dashboard to {@code position} among its profile's dashboards (0 is
	 * first).
	 */
	public Mono<Dashboard> move(String id, int position) {
		return transactions.run("dashboard.move", TYPE, id,
				caller -> Positions.check(position)
					.then(ownership.dashboard(caller, id))
					.then(dashboards.findById(id))
					.flatMap(current -> dashboards.move(current, position))
					.then(snapshot(caller, id, "moved to position " + position))
					.flatMap(moved -> audit
						.success(caller, "dashboard.move", TYPE, id, Map.of("position", moved.position()))
						.thenReturn(moved)));
	}

	/**
	 * Deletes the dashboard (modules and capabilities cascade) and clears it as its
	 * profile's active one.
	 */
	public Mono<String> delete(String id) {
		return transactions.run("dashboard.delete", TYPE, id,
				caller -> ownership.dashboard(caller, id)
					.then(dashboards.findById(id))
					.flatMap(current -> profiles.clearActive(id).then(dashboards.delete(current)))
					.then(audit.success(caller, "dashboard.delete", TYPE, id, Map.of()))
					.thenReturn(id));
	}

	private Mono<Dashboard> snapshot(Caller caller, String id, String description) {
		return dashboards.findById(id)
			.flatMap(dashboard -> versions.snapshot(caller, TYPE, id, dashboard, description).thenReturn(dashboard));
	}

	private Mono<Void> checkTemplate(String templateId) {
		if (templateId == null) {
			return Mono.empty();
		}
		return templates.exists(templateId)
			.flatMap(exists -> exists ? Mono.<Void>empty() : Mono
				.error(ApiException.badRequest("input.templateId", "template " + templateId + " does not exist")));
	}

	private static Integer position(Input input) {
		return input.integer("position", 0);
	}

}

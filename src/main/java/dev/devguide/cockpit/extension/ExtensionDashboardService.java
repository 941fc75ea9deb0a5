package dev.devguide.cockpit.extension;

import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.CHANGELOG;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.CONFIG;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.DASHBOARD_ID;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.DESCRIPTION;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.EXTENSION_ID;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.FILTER_APPROVED;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.FILTER_EXTENSION_ID;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.FIRST_VERSION;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.NAME;
import static dev.devguide.cockpit.extension.ExtensionDashboardInputs.SEARCH;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Page;
import dev.devguide.cockpit.graphql.Selection;
import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.CallerContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The community repository of extension dashboards. Everyone reads the approved ones, a
 * user also their own, admins all; any user publishes (as the author), the author or an
 * admin changes and deletes, only admins approve and withdraw approval. A dashboard in
 * use by a project (a {@code project_extension_mappings} row) cannot be deleted (the
 * spec's ON DELETE RESTRICT): the refusal says by how many projects. Every change locks
 * the row first and is audited in its transaction.
 */
@Service
public class ExtensionDashboardService {

	static final String TYPE = "extension_dashboard";

	private final ExtensionDashboardRepository dashboards;

	private final ExtensionVersionRepository versions;

	private final ExtensionConfigSchema configs;

	private final AuditedTransactions transactions;

	private final Clock clock = Clock.systemUTC();

	ExtensionDashboardService(ExtensionDashboardRepository dashboards, ExtensionVersionRepository versions,
			ExtensionConfigSchema configs, AuditedTransactions transactions) {
		this.dashboards = dashboards;
		this.versions = versions;
		this.configs = configs;
		this.transactions = transactions;
	}

	/** A page of the dashboards the caller may see, matching the filter, in order. */
	public Mono<Page<ExtensionDashboard>> page(Input filter, ExtensionDashboardOrder order, int first,
			@Nullable String after, String afterPath, Selection selection) {
		ExtensionDashboardOrder.Position position = after == null ? null : order.decode(after, afterPath);
		return CallerContext.current().flatMap(caller -> {
			ExtensionDashboardRepository.Criteria criteria = new ExtensionDashboardRepository.Criteria(
					caller.admin() ? null : caller.userId(), filter.optional(FILTER_EXTENSION_ID),
					filter.optional(FILTER_APPROVED), filter.optional(SEARCH));
			return dashboards.page(criteria, order, position, first + 1, selection)
				.collectList()
				.map(rows -> Page.of(rows, first, position != null, order::cursor, () -> dashboards.count(criteria)));
		});
	}

	/** One dashboard the caller may see; any other is NOT_FOUND. */
	public Mono<ExtensionDashboard> get(String id, Selection selection) {
		return CallerContext.current()
			.flatMap(caller -> dashboards.findByIds(List.of(id), selection)
				.next()
				.filter(row -> row.visibleTo(caller))
				.switchIfEmpty(Mono.error(() -> ApiException.notFound("Extension dashboard", id))));
	}

	/**
	 * Publishes a dashboard with the caller as its author, unapproved, and its first
	 * version (default 1.0.0) holding the same config.
	 */
	public Mono<ExtensionDashboard> publish(Input input) {
		String id = UUID.randomUUID().toString();
		AuditFacts facts = AuditFacts.of("extension_dashboard.publish", TYPE, id);
		return transactions.run(facts, caller -> Mono.defer(() -> {
			Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
			Object config = configs.checked(input.required(CONFIG), input.path(CONFIG));
			String version = input.orElse(FIRST_VERSION, "1.0.0");
			ExtensionVersionNumbers.parse(version, input.path(FIRST_VERSION));
			ExtensionDashboard row = new ExtensionDashboard(id, input.required(EXTENSION_ID),
					input.required(DASHBOARD_ID), input.required(NAME), input.optional(DESCRIPTION), config,
					caller.userId(), false, 0, now, now);
			ExtensionVersion first = new ExtensionVersion(UUID.randomUUID().toString(), id, version, config,
					input.optional(CHANGELOG), caller.userId(), now, null);
			return dashboards.insert(row).then(versions.insert(first)).thenReturn(row);
		}), (done, row) -> done.with("extensionId", row.extensionId()).with("dashboardId", row.dashboardId()));
	}

	/** Changes the name and description (the author or an admin). */
	public Mono<ExtensionDashboard> update(String id, Input input) {
		return transactions.run(
				AuditFacts.of("extension_dashboard.update", TYPE, id).with("fields", input.fieldNames()),
				caller -> lockForChange(caller, id).flatMap(current -> {
					String name = input.update(NAME, current.name());
					String description = input.updateOrClear(DESCRIPTION, current.description());
					return dashboards.describe(id, name, description).then(reread(id));
				}));
	}

	/**
	 * Approves it for the community (true) or withdraws the approval (false); admins
	 * only.
	 */
	public Mono<ExtensionDashboard> approve(String id, boolean approved) {
		String action = approved ? "extension_dashboard.approve" : "extension_dashboard.withdraw_approval";
		return transactions.run(AuditFacts.of(action, TYPE, id), caller -> {
			if (!caller.admin()) {
				return Mono.error(ApiException.forbidden("Only admins may approve extension dashboards"));
			}
			return lockForChange(caller, id).flatMap(current -> dashboards.approve(id, approved).then(reread(id)));
		}, (done, row) -> done.with("communityApproved", approved));
	}

	/**
	 * Deletes it with its versions (the author or an admin), unless a project uses it: a
	 * BAD_REQUEST on {@code id} saying by how many projects, and nothing changes.
	 */
	public Mono<String> delete(String id) {
		return transactions.run(AuditFacts.of("extension_dashboard.delete", TYPE, id),
				caller -> lockForChange(caller, id).flatMap(current -> dashboards.countProjects(id))
					.flatMap(projects -> projects > 0 ? Mono.error(inUse(projects))
							: dashboards.delete(id)
								.onErrorMap(DataIntegrityViolationException.class, ex -> inUse(1))
								.thenReturn(id)));
	}

	/**
	 * The dashboard locked for a change by the caller: NOT_FOUND when it does not exist
	 * or the caller may not see it, FORBIDDEN when the caller sees it but is neither its
	 * author nor an admin.
	 */
	Mono<ExtensionDashboard> lockForChange(Caller caller, String id) {
		return dashboards.lock(id)
			.filter(row -> row.visibleTo(caller))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Extension dashboard", id)))
			.flatMap(row -> row.mayChange(caller) ? Mono.just(row) : Mono
				.error(ApiException.forbidden("Only its author or an admin may change this extension dashboard")));
	}

	/** The whole row as it is now, in the transaction that changed it. */
	Mono<ExtensionDashboard> reread(String id) {
		return dashboards.findByIds(List.of(id), Selection.ALL).next();
	}

	private static ApiException inUse(long projects) {
		return ApiException.badRequest("id", "the extension dashboard is installed in " + projects
				+ (projects == 1 ? " project" : " projects") + "; uninstall it there before deleting it");
	}

}

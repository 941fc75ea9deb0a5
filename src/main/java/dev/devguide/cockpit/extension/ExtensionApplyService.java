package dev.devguide.cockpit.extension;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.project.Dashboard;
import dev.devguide.cockpit.project.DashboardService;
import dev.devguide.cockpit.project.ModuleService;
import dev.devguide.cockpit.project.ProfileRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies an installed extension: its effective config becomes a real dashboard with its
 * modules in a profile of the mapping's project, all in one transaction. The dashboard
 * and each module are created by the hierarchy's own services, so each writes the audit
 * row and version that creating it always writes, inside this transaction; a config that
 * cannot be applied is a BAD_REQUEST naming the value ({@code effectiveConfig...}) and
 * nothing stays written.
 */
@Service
public class ExtensionApplyService {

	private final ExtensionMappingService mappings;

	private final ExtensionDashboardRepository installs;

	private final ExtensionMappingMerge merge;

	private final ProfileRepository profiles;

	private final DashboardService dashboards;

	private final ModuleService modules;

	private final AuditedTransactions transactions;

	ExtensionApplyService(ExtensionMappingService mappings, ExtensionDashboardRepository installs,
			ExtensionMappingMerge merge, ProfileRepository profiles, DashboardService dashboards, ModuleService modules,
			AuditedTransactions transactions) {
		this.mappings = mappings;
		this.installs = installs;
		this.merge = merge;
		this.profiles = profiles;
		this.dashboards = dashboards;
		this.modules = modules;
		this.transactions = transactions;
	}

	/** The dashboard created and how many modules it got. */
	private record Applied(Dashboard dashboard, long modules) {
	}

	public Mono<Dashboard> apply(String mappingId, String profileId) {
		AuditFacts facts = AuditFacts.of("extension.apply", ExtensionMappingService.TYPE, mappingId)
			.with("profileId", profileId);
		return transactions
			.run(facts,
					caller -> mappings.locked(caller, mappingId)
						.flatMap(mapping -> inProject(profileId, mapping.projectId()).then(plan(mapping)))
						.flatMap(plan -> create(profileId, plan)),
					(done, applied) -> done.with("dashboardId", applied.dashboard().id())
						.with("modules", applied.modules()))
			.map(Applied::dashboard);
	}

	private Mono<Void> inProject(String profileId, String projectId) {
		return profiles.findById(profileId)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Profile", profileId)))
			.flatMap(profile -> profile.projectId().equals(projectId) ? Mono.<Void>empty()
					: Mono.error(ApiException.badRequest("profileId", "must be a profile of the mapping's project")));
	}

	private Mono<ExtensionApplyPlan> plan(ExtensionMapping mapping) {
		return installs.findByIds(List.of(mapping.extensionDashboardId()), ExtensionDashboardLoaders.CONFIG)
			.next()
			.switchIfEmpty(
					Mono.error(() -> ApiException.notFound("ExtensionDashboard", mapping.extensionDashboardId())))
			.map(base -> ExtensionApplyPlan.of(merge.apply(base.config(), mapping.customConfig())));
	}

	private Mono<Applied> create(String profileId, ExtensionApplyPlan plan) {
		return dashboards.create(profileId, plan.dashboard())
			.flatMap(dashboard -> Flux.fromIterable(plan.modules())
				.concatMap(module -> modules.create(dashboard.id(), module))
				.count()
				.map(count -> new Applied(dashboard, count)));
	}

}

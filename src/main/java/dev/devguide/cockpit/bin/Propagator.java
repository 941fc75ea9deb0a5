package dev.devguide.cockpit.bin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Propagates a VALIDATED change. The impact rule: with a source module, every dashboard
 * of the project that holds a module of the source module's {@code module_type} (its own
 * dashboard included); without one, or when the source module no longer exists, every
 * dashboard of the project. The affected dashboards go to {@code impact_analysis}, one
 * {@code propagation_log} row (SUCCESS) per dashboard, and the change becomes PROPAGATED.
 */
@Component
class Propagator {

	static final String SUCCESS = "SUCCESS";

	private final PropagationRepository propagations;

	private final SyncBufferRepository changes;

	Propagator(PropagationRepository propagations, SyncBufferRepository changes) {
		this.propagations = propagations;
		this.changes = changes;
	}

	Mono<String> moduleType(String moduleId, String projectId) {
		return propagations.moduleTypeInProject(moduleId, projectId);
	}

	/**
	 * Writes the impact analysis, the propagation rows and the new status; call it in the
	 * transaction that holds the project lock and found the change VALIDATED.
	 */
	Mono<Void> propagate(SyncChange change) {
		long start = System.nanoTime();
		Mono<String> type = change.sourceModuleId() == null ? Mono.empty()
				: moduleType(change.sourceModuleId(), change.projectId());
		return type.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(moduleType -> write(change, moduleType.orElse(null), start));
	}

	private Mono<Void> write(SyncChange change, @Nullable String moduleType, long start) {
		return propagations.dashboards(change.projectId(), moduleType)
			.flatMap(dashboards -> changes.markPropagated(change.id(), impact(change, moduleType, dashboards))
				.flatMap(rows -> BinService.moved(rows, change.id(), SyncChange.VALIDATED, "propagateChange"))
				.thenMany(Flux.fromIterable(dashboards))
				.concatMap(dashboard -> propagations.insert(new Propagation(UUID.randomUUID().toString(), change.id(),
						dashboard, change.changeType(), SUCCESS, null, null, elapsedMs(start), null)))
				.then());
	}

	private static Map<String, Object> impact(SyncChange change, @Nullable String moduleType, List<String> dashboards) {
		Map<String, Object> impact = new LinkedHashMap<>();
		impact.put("rule", moduleType != null ? "moduleType" : "project");
		impact.put("sourceModuleId", change.sourceModuleId());
		impact.put("moduleType", moduleType);
		if (change.sourceModuleId() != null && moduleType == null) {
			impact.put("sourceModuleMissing", true);
		}
		impact.put("dashboardIds", dashboards);
		impact.put("dashboardCount", dashboards.size());
		return impact;
	}

	private static int elapsedMs(long start) {
		return (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

}

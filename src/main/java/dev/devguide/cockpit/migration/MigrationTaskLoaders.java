package dev.devguide.cockpit.migration;

import dev.devguide.cockpit.graphql.LoaderContribution;
import dev.devguide.cockpit.graphql.LoaderKey;
import dev.devguide.cockpit.graphql.Loaders;
import dev.devguide.cockpit.graphql.Selection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The programme's DataLoaders, each batch in one statement: phases by number
 * ({@code MigrationTask.phase}, and for other relations to a phase), each phase's tasks
 * ({@code MigrationPhase.tasks}), a task's dependencies and its dependents.
 */
@Component
public class MigrationTaskLoaders implements LoaderContribution {

	/** Phases by number. */
	public static final LoaderKey<Integer, MigrationPhase> PHASE = LoaderKey.named("migrationPhase.byNumber");

	/** Each phase's tasks, by task number. */
	static final LoaderKey<Integer, List<MigrationTask>> PHASE_TASKS = LoaderKey.named("migrationPhase.tasks");

	/**
	 * The tasks of a list of ids (a task's dependencies column), in the list's order; an
	 * id without a task (a row written past the API) is left out.
	 */
	static final LoaderKey<List<String>, List<MigrationTask>> DEPENDENCIES = LoaderKey
		.named("migrationTask.dependencies");

	/** The tasks that depend on a task, by phase and task number. */
	static final LoaderKey<String, List<MigrationTask>> DEPENDENTS = LoaderKey.named("migrationTask.dependents");

	private final MigrationPhaseRepository phases;

	private final MigrationTaskRepository tasks;

	MigrationTaskLoaders(MigrationPhaseRepository phases, MigrationTaskRepository tasks) {
		this.phases = phases;
		this.tasks = tasks;
	}

	@Override
	public void register(Loaders loaders) {
		loaders.byId(PHASE, phases::findByNumbers, MigrationPhase::phaseNumber);
		loaders.grouped(PHASE_TASKS, tasks::findByPhases, task -> Objects.requireNonNull(task.parentPhase()));
		loaders.mapped(DEPENDENCIES, this::dependencies);
		loaders.mapped(DEPENDENTS, (ids, selection) -> tasks.findDependents(ids).collectList().map(rows -> {
			Map<String, List<MigrationTask>> byTask = new HashMap<>();
			ids.forEach(id -> byTask.put(id, new ArrayList<>()));
			rows.forEach(row -> byTask.computeIfAbsent(row.dependencyId(), id -> new ArrayList<>()).add(row.task()));
			return byTask;
		}));
	}

	private Mono<Map<List<String>, List<MigrationTask>>> dependencies(Set<List<String>> lists, Selection selection) {
		Set<String> ids = new LinkedHashSet<>();
		lists.forEach(ids::addAll);
		return tasks.findByIds(ids, selection).collectMap(MigrationTask::id, Function.identity()).map(byId -> {
			Map<List<String>, List<MigrationTask>> result = new HashMap<>();
			for (List<String> list : lists) {
				result.put(list, list.stream().map(byId::get).filter(Objects::nonNull).collect(Collectors.toList()));
			}
			return result;
		});
	}

}

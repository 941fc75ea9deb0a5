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
 * The tasks' DataLoaders, each batch in one statement: each phase's tasks
 * ({@code MigrationPhase.tasks}), a task's dependencies and its dependents. A task's
 * phase is {@link MigrationPhaseLoaders#BY_NUMBER}.
 */
@Component
class MigrationTaskLoaders implements LoaderContribution {

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

	private final MigrationTaskRepository tasks;

	MigrationTaskLoaders(MigrationTaskRepository tasks) {
		this.tasks = tasks;
	}

	@Override
	public void register(Loaders loaders) {
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

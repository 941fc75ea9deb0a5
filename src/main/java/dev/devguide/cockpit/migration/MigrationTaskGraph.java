package dev.devguide.cockpit.migration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The tasks' dependency graph as one write sees it (every task, read under the phases'
 * locks): which ids exist, and the cycle a task's new dependencies would close.
 */
final class MigrationTaskGraph {

	private final Map<String, MigrationTask> tasks = new LinkedHashMap<>();

	MigrationTaskGraph(List<MigrationTask> all) {
		all.forEach(task -> tasks.put(task.id(), task));
	}

	@Nullable MigrationTask task(String id) {
		return tasks.get(id);
	}

	/** The task numbered {@code taskNumber} in phase {@code phase}, if any. */
	@Nullable MigrationTask inPhase(int phase, int taskNumber) {
		for (MigrationTask task : tasks.values()) {
			Integer parent = task.parentPhase();
			if (parent != null && parent == phase && task.taskNumber() == taskNumber) {
				return task;
			}
		}
		return null;
	}

	/**
	 * The cycle that giving task {@code id} the dependency {@code dependency} would make:
	 * the tasks from {@code id} through {@code dependency} and what it depends on back to
	 * {@code id} (first and last are {@code id}); empty when there is none. The task
	 * itself may be new (not in the graph yet): nothing depends on it then.
	 */
	List<String> cycle(String id, String dependency) {
		List<String> path = new ArrayList<>();
		path.add(id);
		if (reaches(dependency, id, path, new HashSet<>())) {
			return path;
		}
		return List.of();
	}

	/**
	 * Depth first from {@code from} along the dependencies: true when it reaches
	 * {@code target}, with the way there appended to {@code path}.
	 */
	private boolean reaches(String from, String target, List<String> path, Set<String> seen) {
		path.add(from);
		if (from.equals(target)) {
			return true;
		}
		if (seen.add(from)) {
			MigrationTask task = tasks.get(from);
			for (String next : task == null ? List.<String>of() : task.dependencies()) {
				if (reaches(next, target, path, seen)) {
					return true;
				}
			}
		}
		path.remove(path.size() - 1);
		return false;
	}

	/** How a message names the task of the id: {@code task 4.2 (Script review)}. */
	String label(String id) {
		MigrationTask task = tasks.get(id);
		return task == null ? "task " + id : task.label();
	}

}

package dev.devguide.cockpit.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cycle a new dependency would close, found and named along the graph. */
class MigrationTaskGraphTests {

	private static MigrationTask task(String id, int number, String... dependencies) {
		return new MigrationTask(id, 4, number, "T" + number, "DB Team Lead", MigrationTask.PENDING, null, null, null,
				null, List.of(), List.of(dependencies), List.of(), null, null);
	}

	@Test
	void aDependencyBackOnTheTaskThroughOthersIsTheCycleFromTheTaskAndBack() {
		MigrationTaskGraph graph = new MigrationTaskGraph(
				List.of(task("a", 1), task("b", 2, "a"), task("c", 3, "b", "x"), task("x", 9)));
		assertThat(graph.cycle("a", "c")).containsExactly("a", "c", "b", "a");
		assertThat(graph.cycle("a", "a")).containsExactly("a", "a");
		assertThat(graph.cycle("c", "a")).isEmpty();
		assertThat(graph.cycle("x", "b")).isEmpty();
		assertThat(graph.cycle("new", "c")).isEmpty();
	}

	@Test
	void sharedAncestorsAreWalkedOnceAndTasksAreFoundByPhaseAndNumber() {
		MigrationTaskGraph graph = new MigrationTaskGraph(List.of(task("a", 1), task("b", 2, "a"), task("c", 3, "a"),
				task("d", 4, "b", "c"), task("e", 5, "d", "gone")));
		assertThat(graph.cycle("a", "e")).containsExactly("a", "e", "d", "b", "a");
		assertThat(graph.cycle("b", "e")).containsExactly("b", "e", "d", "b");
		assertThat(graph.inPhase(4, 3)).extracting(MigrationTask::id).isEqualTo("c");
		assertThat(graph.inPhase(5, 3)).isNull();
		assertThat(graph.label("d")).isEqualTo("task 4.4 (T4)");
		assertThat(graph.label("gone")).isEqualTo("task gone");
	}

}

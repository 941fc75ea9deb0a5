package dev.devguide.cockpit.graphql;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The two requests of issue 11 that stalled every tenant. */
final class QueryCostAttacks {

	private QueryCostAttacks() {
	}

	/**
	 * {@code projects(first: 100)} with fragments F0...F7, each doubling through two
	 * aliases of {@code profiles { project { ... } }}.
	 */
	static String doublingFragments() {
		StringBuilder query = new StringBuilder("{ projects(first: 100) { edges { node { ...F0 } } } }\n");
		for (int level = 0; level < 8; level++) {
			String next = level < 7 ? "...F" + (level + 1) : "id";
			query.append("fragment F")
				.append(level)
				.append(" on Project { id x: profiles { project { ")
				.append(next)
				.append(" } } y: profiles { project { ")
				.append(next)
				.append(" } } }\n");
		}
		return query.toString();
	}

	/** {@code count} aliases of a four-level {@code projects(first: 100)} query. */
	static String aliases(int count) {
		return IntStream.range(0, count)
			.mapToObj(i -> "a" + i
					+ ": projects(first: 100) { edges { node { profiles { dashboards { modules { id } } } } } }")
			.collect(Collectors.joining(" ", "{ ", " }"));
	}

}

package dev.devguide.cockpit.graphql;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * One page of a Relay-style connection: the rows, each row's cursor, and whether more
 * follow. {@code total} runs its count query only if a client asks for
 * {@code totalCount}.
 */
public record Page<T>(List<T> items, Function<T, String> cursor, boolean hasNextPage, boolean hasPreviousPage,
		Supplier<Mono<Long>> total) {

	/**
	 * Builds a page from up to {@code first + 1} rows: the extra row only says that a
	 * next page exists.
	 */
	public static <T> Page<T> of(List<T> rows, int first, boolean afterGiven, Function<T, String> cursor,
			Supplier<Mono<Long>> total) {
		boolean more = rows.size() > first;
		return new Page<>(more ? List.copyOf(rows.subList(0, first)) : rows, cursor, more, afterGiven, total);
	}

}

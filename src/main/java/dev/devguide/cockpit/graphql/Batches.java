package dev.devguide.cockpit.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Shapes the rows of one batch statement into what a mapped DataLoader returns. */
final class Batches {

	private Batches() {
	}

	/**
	 * Groups rows by parent key, keeping row order; every requested key gets a list,
	 * empty if it has no rows.
	 */
	static <K, V> Mono<Map<K, List<V>>> groupBy(Collection<K> keys, Flux<V> rows, Function<V, K> key) {
		return rows.collectList().map(list -> {
			Map<K, List<V>> result = new HashMap<>();
			keys.forEach(k -> result.put(k, new ArrayList<>()));
			list.forEach(row -> result.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row));
			return result;
		});
	}

	/**
	 * Indexes rows by id; keys without a row are absent, which a mapped loader turns into
	 * null.
	 */
	static <K, V> Mono<Map<K, V>> byId(Flux<V> rows, Function<V, K> key) {
		return rows.collectMap(key);
	}

}

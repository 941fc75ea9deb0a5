package dev.devguide.cockpit.graphql;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registers every domain's DataLoaders with Spring's {@link BatchLoaderRegistry} (a new
 * set per request) under their {@link LoaderKey}s, and refuses a name registered twice at
 * start-up. Each loader answers a whole batch of keys with one statement.
 */
public final class Loaders {

	private final BatchLoaderRegistry registry;

	private final Set<String> names = new LinkedHashSet<>();

	public Loaders(BatchLoaderRegistry registry) {
		this.registry = registry;
	}

	/**
	 * A loader of rows by id: keys without a row load as null. The finder reads the
	 * columns the batch's selection needs.
	 */
	public <K, V> void byId(LoaderKey<K, V> key, BiFunction<Collection<K>, Selection, Flux<V>> finder,
			Function<V, K> id) {
		mapped(key, (keys, selection) -> Batches.byId(finder.apply(keys, selection), id));
	}

	/**
	 * A loader of each parent's children: every key gets a list, in the order the finder
	 * returns the rows.
	 */
	public <K, V> void grouped(LoaderKey<K, List<V>> key, BiFunction<Collection<K>, Selection, Flux<V>> finder,
			Function<V, K> parent) {
		mapped(key, (keys, selection) -> Batches.groupBy(keys, finder.apply(keys, selection), parent));
	}

	/**
	 * Any mapped batch loader: a value for each key it can answer, none for the others.
	 * It gets the distinct keys of the batch and the union of their selections, so one
	 * statement serves keys loaded for different selections.
	 */
	public <K, V> void mapped(LoaderKey<K, V> key, BiFunction<Set<K>, Selection, Mono<Map<K, V>>> batch) {
		if (!names.add(key.name())) {
			throw new IllegalStateException("DataLoader " + key.name() + " is registered twice");
		}
		registry.<Selected<K>, V>forName(key.name())
			.registerMappedBatchLoader((selected, env) -> answer(selected, batch));
	}

	private static <K, V> Mono<Map<Selected<K>, V>> answer(Set<Selected<K>> selected,
			BiFunction<Set<K>, Selection, Mono<Map<K, V>>> batch) {
		Set<K> keys = new LinkedHashSet<>();
		Selection union = null;
		for (Selected<K> one : selected) {
			keys.add(one.key());
			union = union == null ? one.selection() : union.and(one.selection());
		}
		return batch.apply(keys, union == null ? Selection.ALL : union).map(values -> {
			Map<Selected<K>, V> answers = new HashMap<>();
			for (Selected<K> one : selected) {
				V value = values.get(one.key());
				if (value != null) {
					answers.put(one, value);
				}
			}
			return answers;
		});
	}

	/** The names registered so far. */
	public Set<String> names() {
		return Collections.unmodifiableSet(names);
	}

}

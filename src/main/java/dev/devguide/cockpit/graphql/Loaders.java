package dev.devguide.cockpit.graphql;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.dataloader.BatchLoaderEnvironment;
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

	/** A loader of rows by id: keys without a row load as null. */
	public <K, V> void byId(LoaderKey<K, V> key, Function<Collection<K>, Flux<V>> finder, Function<V, K> id) {
		mapped(key, (keys, env) -> Batches.byId(finder.apply(keys), id));
	}

	/**
	 * A loader of each parent's children: every key gets a list, in the order the finder
	 * returns the rows.
	 */
	public <K, V> void grouped(LoaderKey<K, List<V>> key, Function<Collection<K>, Flux<V>> finder,
			Function<V, K> parent) {
		mapped(key, (keys, env) -> Batches.groupBy(keys, finder.apply(keys), parent));
	}

	/**
	 * Any mapped batch loader: a value for each key it can answer, none for the others.
	 */
	public <K, V> void mapped(LoaderKey<K, V> key, BiFunction<Set<K>, BatchLoaderEnvironment, Mono<Map<K, V>>> batch) {
		if (!names.add(key.name())) {
			throw new IllegalStateException("DataLoader " + key.name() + " is registered twice");
		}
		registry.<K, V>forName(key.name()).registerMappedBatchLoader(batch);
	}

	/** The names registered so far. */
	public Set<String> names() {
		return Collections.unmodifiableSet(names);
	}

}

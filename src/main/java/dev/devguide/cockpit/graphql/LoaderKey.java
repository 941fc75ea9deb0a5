package dev.devguide.cockpit.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/**
 * The name and types of one DataLoader: the constant a domain's {@code XxxLoaders}
 * registers it under ({@link Loaders}) and a relation loads through
 * ({@link SchemaParts#relation}), so that neither side spells the name itself.
 */
public record LoaderKey<K, V>(String name) {

	public static <K, V> LoaderKey<K, V> named(String name) {
		return new LoaderKey<>(name);
	}

	/**
	 * Loads {@code key}, for the fields {@code selection} names, through this request's
	 * loader of this name.
	 */
	public CompletableFuture<V> load(DataFetchingEnvironment env, K key, Selection selection) {
		DataLoader<Selected<K>, V> loader = env.getDataLoader(name);
		if (loader == null) {
			throw new IllegalStateException("No DataLoader is registered as " + name);
		}
		return loader.load(new Selected<>(key, selection));
	}

}

package dev.devguide.cockpit.graphql;

/**
 * One domain's DataLoaders (its {@code XxxLoaders}): registers each under its public
 * {@link LoaderKey} constant. Registration only declares; no loader runs before a
 * request.
 */
public interface LoaderContribution {

	void register(Loaders loaders);

}

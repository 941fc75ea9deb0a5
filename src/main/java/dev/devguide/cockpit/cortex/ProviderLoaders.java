package dev.devguide.cockpit.cortex;

import dev.devguide.cockpit.graphql.LoaderContribution;
import dev.devguide.cockpit.graphql.LoaderKey;
import dev.devguide.cockpit.graphql.Loaders;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Each project's provider configurations, in fallback order, for
 * {@code Project.providers}.
 */
@Component
public class ProviderLoaders implements LoaderContribution {

	public static final LoaderKey<String, List<ProviderConfiguration>> PROJECT_PROVIDERS = LoaderKey
		.named("project.providers");

	private final ProviderRepository providers;

	ProviderLoaders(ProviderRepository providers) {
		this.providers = providers;
	}

	@Override
	public void register(Loaders loaders) {
		loaders.grouped(PROJECT_PROVIDERS, (ids, selection) -> providers.findByProjectIds(ids),
				ProviderConfiguration::projectId);
	}

}

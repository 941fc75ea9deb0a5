package dev.devguide.cockpit.extension;

import dev.devguide.cockpit.graphql.LoaderContribution;
import dev.devguide.cockpit.graphql.LoaderKey;
import dev.devguide.cockpit.graphql.Loaders;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Each project's installed extensions by position, for {@code Project.extensions}, and
 * the extension dashboards' configs (only id and config) their effective configs merge
 * into.
 */
@Component
public class ExtensionMappingLoaders implements LoaderContribution {

	public static final LoaderKey<String, List<ExtensionMapping>> PROJECT_EXTENSIONS = LoaderKey
		.named("project.extensions");

	public static final LoaderKey<String, ExtensionMappingBase> BASE_CONFIG = LoaderKey
		.named("extensionMapping.baseConfig");

	private final ExtensionMappingRepository mappings;

	private final ExtensionInstallRepository installs;

	ExtensionMappingLoaders(ExtensionMappingRepository mappings, ExtensionInstallRepository installs) {
		this.mappings = mappings;
		this.installs = installs;
	}

	@Override
	public void register(Loaders loaders) {
		loaders.grouped(PROJECT_EXTENSIONS, mappings::findByProjectIds, ExtensionMapping::projectId);
		loaders.byId(BASE_CONFIG, (ids, selection) -> installs.configs(ids), ExtensionMappingBase::id);
	}

}

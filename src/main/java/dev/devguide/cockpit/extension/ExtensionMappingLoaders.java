package dev.devguide.cockpit.extension;

import dev.devguide.cockpit.graphql.LoaderContribution;
import dev.devguide.cockpit.graphql.LoaderKey;
import dev.devguide.cockpit.graphql.Loaders;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Each project's installed extensions by position, for {@code Project.extensions} (the
 * configs their effective configs merge into come through
 * {@link ExtensionDashboardLoaders#BY_ID}).
 */
@Component
public class ExtensionMappingLoaders implements LoaderContribution {

	public static final LoaderKey<String, List<ExtensionMapping>> PROJECT_EXTENSIONS = LoaderKey
		.named("project.extensions");

	private final ExtensionMappingRepository mappings;

	ExtensionMappingLoaders(ExtensionMappingRepository mappings) {
		this.mappings = mappings;
	}

	@Override
	public void register(Loaders loaders) {
		loaders.grouped(PROJECT_EXTENSIONS, mappings::findByProjectIds, ExtensionMapping::projectId);
	}

}

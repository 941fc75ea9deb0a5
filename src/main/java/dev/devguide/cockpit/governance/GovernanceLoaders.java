package dev.devguide.cockpit.governance;

import dev.devguide.cockpit.graphql.LoaderContribution;
import dev.devguide.cockpit.graphql.LoaderKey;
import dev.devguide.cockpit.graphql.Loaders;
import org.springframework.stereotype.Component;

/** Metadata standards by id, for {@code MetadataViolation.standard}. */
@Component
public class GovernanceLoaders implements LoaderContribution {

	public static final LoaderKey<String, MetadataStandard> STANDARD = LoaderKey.named("metadataStandard.byId");

	private final MetadataStandardRepository standards;

	GovernanceLoaders(MetadataStandardRepository standards) {
		this.standards = standards;
	}

	@Override
	public void register(Loaders loaders) {
		loaders.byId(STANDARD, (ids, selection) -> standards.findByIds(ids), MetadataStandard::id);
	}

}

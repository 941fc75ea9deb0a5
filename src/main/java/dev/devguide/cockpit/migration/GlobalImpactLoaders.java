package dev.devguide.cockpit.migration;

import dev.devguide.cockpit.graphql.LoaderContribution;
import dev.devguide.cockpit.graphql.LoaderKey;
import dev.devguide.cockpit.graphql.Loaders;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Each phase's global impacts by severity, for {@code MigrationPhase.impacts}. */
@Component
public class GlobalImpactLoaders implements LoaderContribution {

	public static final LoaderKey<Integer, List<GlobalImpact>> PHASE_IMPACTS = LoaderKey
		.named("migrationPhase.impacts");

	private final GlobalImpactRepository impacts;

	GlobalImpactLoaders(GlobalImpactRepository impacts) {
		this.impacts = impacts;
	}

	@Override
	public void register(Loaders loaders) {
		// the finder reads only rows of the phases asked for, whose phase_number is set
		loaders.grouped(PHASE_IMPACTS, impacts::findByPhaseNumbers,
				impact -> Objects.requireNonNull(impact.phaseNumber()));
	}

}

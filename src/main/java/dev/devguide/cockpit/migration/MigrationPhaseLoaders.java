package dev.devguide.cockpit.migration;

import dev.devguide.cockpit.graphql.LoaderContribution;
import dev.devguide.cockpit.graphql.LoaderKey;
import dev.devguide.cockpit.graphql.Loaders;
import org.springframework.stereotype.Component;

/**
 * The phases' DataLoader: phases by number ({@code MigrationTask.phase}, and any other
 * relation to a phase), each batch in one statement.
 */
@Component
public class MigrationPhaseLoaders implements LoaderContribution {

	/** Phases by number. */
	public static final LoaderKey<Integer, MigrationPhase> BY_NUMBER = LoaderKey.named("migrationPhase.byNumber");

	private final MigrationPhaseRepository phases;

	MigrationPhaseLoaders(MigrationPhaseRepository phases) {
		this.phases = phases;
	}

	@Override
	public void register(Loaders loaders) {
		loaders.byId(BY_NUMBER, phases::findByNumbers, MigrationPhase::phaseNumber);
	}

}

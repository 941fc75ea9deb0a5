package dev.devguide.cockpit.migration;

import dev.devguide.cockpit.graphql.LoaderContribution;
import dev.devguide.cockpit.graphql.LoaderKey;
import dev.devguide.cockpit.graphql.Loaders;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Each phase's test results, newest first, for {@code MigrationPhase.testResults}. */
@Component
public class TestResultLoaders implements LoaderContribution {

	public static final LoaderKey<Integer, List<TestResult>> PHASE_TEST_RESULTS = LoaderKey
		.named("migrationPhase.testResults");

	private final TestResultRepository results;

	TestResultLoaders(TestResultRepository results) {
		this.results = results;
	}

	@Override
	public void register(Loaders loaders) {
		// the finder reads only rows of the phases asked for, whose phase_number is set
		loaders.grouped(PHASE_TEST_RESULTS, results::findByPhaseNumbers,
				result -> Objects.requireNonNull(result.phaseNumber()));
	}

}

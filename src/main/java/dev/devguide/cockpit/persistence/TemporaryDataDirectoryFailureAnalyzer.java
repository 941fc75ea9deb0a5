package dev.devguide.cockpit.persistence;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says why a data directory under the temp directory is refused and what to set. */
class TemporaryDataDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<TemporaryDataDirectoryException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TemporaryDataDirectoryException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set COCKPIT_DATA_DIR to a directory outside the system temp directory, for example "
						+ "COCKPIT_DATA_DIR=$HOME/cockpit-data, or unset it for ~/.devguide-cockpit/data.",
				cause);
	}

}

package dev.devguide.cockpit.persistence;

/**
 * One way the live schema differs from what the changelog and the specification expect:
 * which check found it, on which object, what was expected and what was found.
 */
public record SchemaDrift(Check check, String object, String expected, String found) {

	/** The checks of {@code schemaHealth}. */
	public enum Check {

		/** An expected table is missing. */
		TABLE,
		/** An expected view is missing. */
		VIEW,
		/** A timestamp column is not {@code TIMESTAMP(6)}. */
		TIMESTAMP_PRECISION,
		/** A named index of the specification is missing and not a recorded deviation. */
		INDEX,
		/** A seeded row is missing. */
		SEED,
		/** A changeset of the changelog is not applied. */
		PENDING_CHANGESET

	}

}

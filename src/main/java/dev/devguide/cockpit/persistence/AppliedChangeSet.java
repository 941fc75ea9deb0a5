package dev.devguide.cockpit.persistence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A changeset recorded as applied in DATABASECHANGELOG: the tag set on it (if any), when
 * it was applied, its checksum as recorded then and its place in the order of execution.
 */
public record AppliedChangeSet(ChangeSetRef ref, @Nullable String tag, Instant appliedAt, @Nullable String checksum,
		int order) {

}

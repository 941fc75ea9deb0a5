package dev.devguide.cockpit.persistence;

import java.time.Instant;

/** One recorded approval of a changeset at one checksum. */
public record SchemaApproval(ChangeSetRef ref, String checksum, String approvedBy, String note, Instant approvedAt) {

}

package dev.devguide.cockpit.persistence;

import java.time.Instant;

/**
 * One passed rollback verification of a changeset at one checksum
 * ({@code migrate verify-rollback}).
 */
public record RollbackCheck(ChangeSetRef ref, String checksum, String verifiedBy, Instant verifiedAt) {

}

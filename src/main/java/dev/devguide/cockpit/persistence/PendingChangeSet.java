package dev.devguide.cockpit.persistence;

/**
 * A changeset of the changelog not yet applied to the database, with its Liquibase
 * checksum as it is now (what DATABASECHANGELOG.MD5SUM will record when it is applied).
 */
public record PendingChangeSet(ChangeSetRef ref, String checksum) {

}

package dev.devguide.cockpit.persistence;

/**
 * Which changeset: the changelog file it was read from (as DATABASECHANGELOG.FILENAME
 * records it), its id and its author.
 */
public record ChangeSetRef(String file, String id, String author) {

	/** {@code file::id::author}, the form Liquibase prints. */
	@Override
	public String toString() {
		return file + "::" + id + "::" + author;
	}

}

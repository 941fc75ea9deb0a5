package dev.devguide.cockpit.project;

import dev.devguide.cockpit.persistence.SqlConditions;
import dev.devguide.cockpit.security.Caller;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which projects a report reads, as one SQL condition on a project-id column, so that a
 * report is one statement whatever the number of projects: the given ones the caller may
 * read, or by default every project the caller may read (a user's own; an admin's: all,
 * rows of deleted projects included). Projects the caller may not read contribute
 * nothing, as if they had no data, so an answer never tells whether they exist.
 */
public record ProjectScope(@Nullable List<String> projectIds, @Nullable String ownerUserId) {

	/** The scope of {@code caller} asking for {@code projectIds} (null: the default). */
	public static ProjectScope of(Caller caller, @Nullable List<String> projectIds) {
		return new ProjectScope(projectIds == null ? null : List.copyOf(projectIds),
				caller.admin() ? null : caller.userId());
	}

	/** Exactly these projects (already known to be readable: a page of projects). */
	public static ProjectScope exactly(List<String> projectIds) {
		return new ProjectScope(List.copyOf(projectIds), null);
	}

	/** Adds the condition on {@code column} to {@code where}. */
	public SqlConditions restrict(SqlConditions where, String column) {
		if (ownerUserId == null) {
			return projectIds == null ? where : where.add(column + " IN (:scopeIds)")
				.parameter("scopeIds", projectIds.isEmpty() ? List.of("") : projectIds);
		}
		where.parameter("scopeOwner", ownerUserId);
		if (projectIds == null) {
			return where.add(column + " IN (SELECT id FROM projects WHERE owner_user_id = :scopeOwner)");
		}
		return where
			.add(column + " IN (SELECT id FROM projects WHERE id IN (:scopeIds) AND owner_user_id = :scopeOwner)")
			.parameter("scopeIds", projectIds.isEmpty() ? List.of("") : projectIds);
	}

}

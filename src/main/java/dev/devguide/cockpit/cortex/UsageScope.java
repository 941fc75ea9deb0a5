package dev.devguide.cockpit.cortex;

import dev.devguide.cockpit.persistence.SqlConditions;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which projects' usage a query reads: the given ones (already checked as readable), the
 * projects a user owns, or every existing project (an admin's default). Usage of a
 * deleted project stays in the tables (a soft reference) but is in no default scope.
 */
record UsageScope(@Nullable List<String> projectIds, @Nullable String ownerUserId) {

	static UsageScope projects(List<String> projectIds) {
		return new UsageScope(List.copyOf(projectIds), null);
	}

	static UsageScope ownedBy(String userId) {
		return new UsageScope(null, userId);
	}

	static UsageScope everyProject() {
		return new UsageScope(null, null);
	}

	/** Adds the condition on {@code project_id} to {@code where}. */
	SqlConditions restrict(SqlConditions where) {
		if (projectIds != null) {
			return where.add("project_id IN (:projects)").parameter("projects", projectIds);
		}
		if (ownerUserId != null) {
			return where.add("project_id IN (SELECT id FROM projects WHERE owner_user_id = :owner)")
				.parameter("owner", ownerUserId);
		}
		return where.add("project_id IN (SELECT id FROM projects)");
	}

}

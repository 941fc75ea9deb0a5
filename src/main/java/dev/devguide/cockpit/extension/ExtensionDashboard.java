package dev.devguide.cockpit.extension;

import dev.devguide.cockpit.security.Caller;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code extension_dashboards}: a dashboard template of a VS Code extension in
 * the community repository, with its current config (the config of its newest version).
 * {@code author} is the user id of whoever published it (null only for rows written past
 * the API). Read through a loader for a selection, the fields it does not select hold
 * empty values; {@code id}, {@code author} and {@code communityApproved} are always read.
 */
public record ExtensionDashboard(String id, String extensionId, String dashboardId, String name,
		@Nullable String description, Object config, @Nullable String author, boolean communityApproved,
		long downloadCount, Instant createdAt, Instant updatedAt) {

	/**
	 * True when the caller may see this dashboard: approved ones are public, an
	 * unapproved one only to its author and to admins.
	 */
	public boolean visibleTo(Caller caller) {
		return communityApproved || mayChange(caller);
	}

	/** True when the caller may change it: its author or an admin. */
	public boolean mayChange(Caller caller) {
		return caller.admin() || caller.userId().equals(author);
	}

}

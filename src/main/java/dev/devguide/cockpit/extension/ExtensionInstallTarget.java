package dev.devguide.cockpit.extension;

import dev.devguide.cockpit.security.Caller;
import org.jspecify.annotations.Nullable;

/**
 * What an install needs of an {@code extension_dashboards} row: its extension, author and
 * approval.
 */
record ExtensionInstallTarget(String id, String extensionId, @Nullable String author, boolean approved) {

	/**
	 * Approved dashboards are installable by every user, an unapproved one only by its
	 * author and admins (to anyone else it does not exist).
	 */
	boolean installableBy(Caller caller) {
		return approved || caller.admin() || caller.userId().equals(author);
	}

}

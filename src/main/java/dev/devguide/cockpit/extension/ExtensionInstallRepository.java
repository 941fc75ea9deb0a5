package dev.devguide.cockpit.extension;

import static dev.devguide.cockpit.persistence.Rows.bool;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * What installing reads and writes of {@code extension_dashboards}: the row to install
 * (locked) and its download count.
 */
@Repository
class ExtensionInstallRepository {

	private final DatabaseClient db;

	ExtensionInstallRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The extension dashboard, its row locked until the transaction ends, so that it is
	 * neither deleted nor withdrawn while it is being installed.
	 */
	Mono<ExtensionInstallTarget> lock(String id) {
		return db
			.sql("SELECT id, extension_id, author, community_approved FROM extension_dashboards WHERE id = :id "
					+ "FOR UPDATE")
			.bind("id", id)
			.map(row -> new ExtensionInstallTarget(string(row, "id"), string(row, "extension_id"),
					stringOrNull(row, "author"), Boolean.TRUE.equals(bool(row, "community_approved"))))
			.one();
	}

	/**
	 * Adds one download, in the database ({@code + 1}), so concurrent installs add up;
	 * {@code updated_at} is set to itself so a download does not count as a change.
	 */
	Mono<Void> countDownload(String id) {
		return db
			.sql("""
					UPDATE extension_dashboards SET download_count = COALESCE(download_count, 0) + 1, updated_at = updated_at
					WHERE id = :id""")
			.bind("id", id)
			.then();
	}

}

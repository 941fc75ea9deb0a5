package dev.devguide.cockpit.extension;

import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.graphql.SelectedColumns;
import dev.devguide.cockpit.graphql.Selection;
import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.persistence.Rows;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for {@code dashboard_versions}: the versions of many extension dashboards newest
 * first in one statement (a branch per dashboard on {@code idx_dashboard_created}), the
 * version strings of one ({@code uk_dashboard_version}, index only), one version by its
 * string, and the insert.
 */
@Repository
class ExtensionVersionRepository {

	/** The config is read only when the config or the diff is selected. */
	private static final SelectedColumns SELECTED = SelectedColumns
		.always("id", "dashboard_id", "version", "created_at")
		.field("config", "config")
		.field("changelog", "changelog")
		.field("createdBy", "created_by");

	/** A version string with when it was published, for the rules of the next one. */
	record Published(String version, Instant createdAt) {
	}

	private final DatabaseClient db;

	private final JsonColumns json;

	ExtensionVersionRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * Up to {@code limit} versions of each dashboard, newest first (created_at DESC, then
	 * id: the order of {@code idx_dashboard_created}), after a position if given.
	 */
	Flux<ExtensionVersion> pages(List<String> dashboardIds, Cursors.@Nullable Position after, int limit,
			Selection selection) {
		String columns = SELECTED.of(selection)
				+ (selection.has("diffFromPrevious") && !selection.has("config") ? ", config" : "");
		StringBuilder sql = new StringBuilder();
		for (int i = 0; i < dashboardIds.size(); i++) {
			sql.append(i == 0 ? "(" : " UNION ALL (")
				.append("SELECT ")
				.append(columns)
				.append(" FROM dashboard_versions WHERE dashboard_id = :d")
				.append(i);
			if (after != null) {
				sql.append(" AND (created_at < :afterTime OR (created_at = :afterTime AND id > :afterId))");
			}
			sql.append(" ORDER BY created_at DESC, id LIMIT ").append(limit).append(')');
		}
		DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
		for (int i = 0; i < dashboardIds.size(); i++) {
			spec = spec.bind("d" + i, dashboardIds.get(i));
		}
		if (after != null) {
			spec = spec.bind("afterTime", Rows.utc(after.time())).bind("afterId", after.id());
		}
		return spec.map(row -> read(row, selection)).all();
	}

	Mono<Long> count(String dashboardId) {
		return db.sql("SELECT COUNT(*) AS total FROM dashboard_versions WHERE dashboard_id = :id")
			.bind("id", dashboardId)
			.map(row -> Rows.longValue(row, "total"))
			.one();
	}

	/** Every version string of the dashboard with its time, for the next one's checks. */
	Flux<Published> published(String dashboardId) {
		return db.sql("SELECT version, created_at FROM dashboard_versions WHERE dashboard_id = :id")
			.bind("id", dashboardId)
			.map(row -> new Published(string(row, "version"), instant(row, "created_at")))
			.all();
	}

	/** The version with this exact string, if the dashboard has it. */
	Mono<ExtensionVersion> find(String dashboardId, String version) {
		return db.sql("""
				SELECT id, dashboard_id, version, config, changelog, created_by, created_at
				FROM dashboard_versions WHERE dashboard_id = :id AND version = :version""")
			.bind("id", dashboardId)
			.bind("version", version)
			.map(row -> read(row, Selection.ALL))
			.one();
	}

	Mono<Void> insert(ExtensionVersion version) {
		return db.sql("""
				INSERT INTO dashboard_versions (id, dashboard_id, version, config, changelog, created_by, created_at)
				VALUES (:id, :dashboard, :version, :config, :changelog, :by, :at)""")
			.bind("id", version.id())
			.bind("dashboard", version.extensionDashboardId())
			.bind("version", version.version())
			.bind("config", json.write(version.config()))
			.bind("changelog", Parameter.fromOrEmpty(version.changelog(), String.class))
			.bind("by", Parameter.fromOrEmpty(version.createdBy(), String.class))
			.bind("at", Rows.utc(version.createdAt()))
			.then();
	}

	private ExtensionVersion read(Readable row, Selection selection) {
		boolean config = selection.hasAny("config", "diffFromPrevious");
		return new ExtensionVersion(string(row, "id"), string(row, "dashboard_id"), string(row, "version"),
				config ? json.read(row, "config") : Map.of(),
				selection.has("changelog") ? stringOrNull(row, "changelog") : null,
				selection.has("createdBy") ? stringOrNull(row, "created_by") : null, instant(row, "created_at"), null);
	}

}

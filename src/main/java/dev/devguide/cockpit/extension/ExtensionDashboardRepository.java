package dev.devguide.cockpit.extension;

import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.graphql.SelectedColumns;
import dev.devguide.cockpit.graphql.Selection;
import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.persistence.SqlConditions;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for {@code extension_dashboards}: the visible page in one of three keyset orders,
 * rows by ids for the loader (the columns the selection needs), the row locked for a
 * change, and the writes.
 */
@Repository
class ExtensionDashboardRepository {

	/**
	 * The id, who may see and change the row, and the sort keys of every order are always
	 * read; the rest when selected.
	 */
	private static final SelectedColumns SELECTED = SelectedColumns
		.always("id", "author", "community_approved", "download_count", "created_at", "name")
		.field("extensionId", "extension_id")
		.field("dashboardId", "dashboard_id")
		.field("description", "description")
		.field("config", "config")
		.field("updatedAt", "updated_at");

	private static final String COLUMNS = """
			id, extension_id, dashboard_id, name, description, config, author, community_approved, download_count,
			created_at, updated_at""";

	private final DatabaseClient db;

	private final JsonColumns json;

	ExtensionDashboardRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	/** What a list shows: the caller's visibility and the client's filter. */
	record Criteria(@Nullable String visibleTo, @Nullable String extensionId, @Nullable Boolean approved,
			@Nullable String search) {
	}

	/**
	 * Up to {@code limit} rows matching the criteria in {@code order}, after a position.
	 */
	Flux<ExtensionDashboard> page(Criteria criteria, ExtensionDashboardOrder order,
			ExtensionDashboardOrder.@Nullable Position after, int limit, Selection selection) {
		SqlConditions where = conditions(criteria);
		if (after != null) {
			where.add(order.after()).parameter("afterValue", order.bound(after)).parameter("afterId", after.id());
		}
		String sql = "SELECT " + SELECTED.of(selection) + " FROM extension_dashboards" + where.where() + " ORDER BY "
				+ order.orderBy() + " LIMIT " + limit;
		return where.bind(db.sql(sql)).map(row -> read(row, selection)).all();
	}

	Mono<Long> count(Criteria criteria) {
		SqlConditions where = conditions(criteria);
		return where.bind(db.sql("SELECT COUNT(*) AS total FROM extension_dashboards" + where.where()))
			.map(row -> Rows.longValue(row, "total"))
			.one();
	}

	/** The rows of the ids, read for {@code selection}; visibility is the caller's. */
	Flux<ExtensionDashboard> findByIds(Collection<String> ids, Selection selection) {
		return db.sql("SELECT " + SELECTED.of(selection) + " FROM extension_dashboards WHERE id IN (:ids)")
			.bind("ids", ids)
			.map(row -> read(row, selection))
			.all();
	}

	/**
	 * The row, locked until the transaction ends: every change of one extension dashboard
	 * (and of its versions) runs after the one before it.
	 */
	Mono<ExtensionDashboard> lock(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM extension_dashboards WHERE id = :id FOR UPDATE")
			.bind("id", id)
			.map(row -> read(row, Selection.ALL))
			.one();
	}

	Mono<Void> insert(ExtensionDashboard row) {
		return db.sql("""
				INSERT INTO extension_dashboards (id, extension_id, dashboard_id, name, description, config, author,
				                                  community_approved, download_count, created_at, updated_at)
				VALUES (:id, :extension, :dashboard, :name, :description, :config, :author, FALSE, 0, :at, :at)""")
			.bind("id", row.id())
			.bind("extension", row.extensionId())
			.bind("dashboard", row.dashboardId())
			.bind("name", row.name())
			.bind("description", Parameter.fromOrEmpty(row.description(), String.class))
			.bind("config", json.write(row.config()))
			.bind("author", Parameter.fromOrEmpty(row.author(), String.class))
			.bind("at", Rows.utc(row.createdAt()))
			.then();
	}

	/** Sets the name and description. */
	Mono<Void> describe(String id, String name, @Nullable String description) {
		return db.sql("UPDATE extension_dashboards SET name = :name, description = :description WHERE id = :id")
			.bind("id", id)
			.bind("name", name)
			.bind("description", Parameter.fromOrEmpty(description, String.class))
			.then();
	}

	Mono<Void> approve(String id, boolean approved) {
		return db.sql("UPDATE extension_dashboards SET community_approved = :approved WHERE id = :id")
			.bind("id", id)
			.bind("approved", approved)
			.then();
	}

	/** Makes {@code config} the current config (that of the newest version). */
	Mono<Void> configure(String id, Object config) {
		return db.sql("UPDATE extension_dashboards SET config = :config WHERE id = :id")
			.bind("id", id)
			.bind("config", json.write(config))
			.then();
	}

	/**
	 * How many projects use the dashboard (mappings hold it with ON DELETE RESTRICT).
	 * Under the row's lock no mapping can be added meanwhile: inserting one checks its
	 * foreign key with a shared lock on this row.
	 */
	Mono<Long> countProjects(String id) {
		return db.sql("SELECT COUNT(*) AS projects FROM project_extension_mappings WHERE dashboard_id = :id")
			.bind("id", id)
			.map(row -> Rows.longValue(row, "projects"))
			.one();
	}

	/** Deletes the row; its versions go with it (ON DELETE CASCADE). */
	Mono<Void> delete(String id) {
		return db.sql("DELETE FROM extension_dashboards WHERE id = :id").bind("id", id).then();
	}

	private static SqlConditions conditions(Criteria criteria) {
		String search = criteria.search() == null ? null : "%" + criteria.search().replaceAll("([!%_])", "!$1") + "%";
		SqlConditions where = new SqlConditions();
		if (criteria.visibleTo() != null) {
			where.add("(community_approved = TRUE OR author = :visibleTo)")
				.parameter("visibleTo", criteria.visibleTo());
		}
		where.optional("extension_id = :extension", "extension", criteria.extensionId())
			.optional("community_approved = :approved", "approved", criteria.approved());
		if (search != null) {
			where.add(
					"(LOWER(name) LIKE LOWER(:search) ESCAPE '!' OR LOWER(description) LIKE LOWER(:search) ESCAPE '!')")
				.parameter("search", search);
		}
		return where;
	}

	/**
	 * A row as read for {@code selection}: the fields it does not select hold empty
	 * values, which nothing reads; the config is parsed only when selected.
	 */
	private ExtensionDashboard read(Readable row, Selection selection) {
		Long downloads = row.get("download_count", Long.class);
		return new ExtensionDashboard(string(row, "id"),
				selection.has("extensionId") ? string(row, "extension_id") : "",
				selection.has("dashboardId") ? string(row, "dashboard_id") : "", string(row, "name"),
				selection.has("description") ? stringOrNull(row, "description") : null,
				selection.has("config") ? json.read(row, "config") : Map.of(), stringOrNull(row, "author"),
				Rows.bool(row, "community_approved"), downloads == null ? 0 : downloads, instant(row, "created_at"),
				selection.has("updatedAt") ? instant(row, "updated_at") : Instant.EPOCH);
	}

}

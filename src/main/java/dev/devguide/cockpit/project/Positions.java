package dev.devguide.cockpit.project;

import dev.devguide.cockpit.persistence.Rows;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Keeps the {@code position} of ordered children (dashboards of a profile, modules of a
 * dashboard, extensions installed in a project) dense: 0, 1, 2, ... Call inside a
 * transaction that has locked the parent's project, so moves do not interleave.
 */
public final class Positions {

	private final DatabaseClient db;

	private final String table;

	private final String parentColumn;

	public Positions(DatabaseClient db, String table, String parentColumn) {
		this.db = db;
		this.table = table;
		this.parentColumn = parentColumn;
	}

	/** The position after the last child. */
	public Mono<Integer> next(String parentId) {
		return db.sql("SELECT COUNT(*) AS n FROM " + table + " WHERE " + parentColumn + " = :parent")
			.bind("parent", parentId)
			.map(row -> Rows.longValue(row, "n").intValue())
			.one();
	}

	/**
	 * Puts child {@code id} at {@code position} (clamped to the list) and renumbers its
	 * siblings densely.
	 */
	public Mono<Void> move(String parentId, String id, int position) {
		return siblings(parentId).flatMap(ids -> renumber(parentId, reorder(ids, id, position)));
	}

	/** Renumbers the remaining children densely after one was removed. */
	public Mono<Void> compact(String parentId) {
		return siblings(parentId).flatMap(ids -> renumber(parentId, ids));
	}

	private Mono<List<String>> siblings(String parentId) {
		return db.sql("SELECT id FROM " + table + " WHERE " + parentColumn + " = :parent ORDER BY position, id")
			.bind("parent", parentId)
			.map(row -> Rows.string(row, "id"))
			.all()
			.collectList();
	}

	private static List<String> reorder(List<String> ids, String id, int position) {
		List<String> order = new ArrayList<>(ids);
		order.remove(id);
		order.add(Math.min(position, order.size()), id);
		return order;
	}

	private Mono<Void> renumber(String parentId, List<String> order) {
		if (order.isEmpty()) {
			return Mono.empty();
		}
		StringBuilder cases = new StringBuilder("CASE id");
		for (int i = 0; i < order.size(); i++) {
			cases.append(" WHEN :id").append(i).append(" THEN ").append(i);
		}
		cases.append(" ELSE position END");
		DatabaseClient.GenericExecuteSpec spec = db
			.sql("UPDATE " + table + " SET position = " + cases + " WHERE " + parentColumn + " = :parent")
			.bind("parent", parentId);
		for (int i = 0; i < order.size(); i++) {
			spec = spec.bind("id" + i, order.get(i));
		}
		return spec.then();
	}

}

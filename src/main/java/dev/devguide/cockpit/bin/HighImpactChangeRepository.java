package dev.devguide.cockpit.bin;

import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.persistence.SqlConditions;
import dev.devguide.cockpit.project.ProjectScope;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * The spec's high-impact changes report, with the caller's scope, in one statement:
 * changes since a moment whose propagations reached at least a number of distinct
 * dashboards, by summed token cost, highest first.
 */
@Repository
class HighImpactChangeRepository {

	private final DatabaseClient db;

	HighImpactChangeRepository(DatabaseClient db) {
		this.db = db;
	}

	Flux<HighImpactChange> report(ProjectScope scope, Instant since, int minimumDashboards, int limit) {
		SqlConditions where = scope.restrict(new SqlConditions(), "sb.project_id")
			.add("sb.created_at >= :since")
			.parameter("since", Rows.utc(since))
			.parameter("minimum", minimumDashboards);
		String sql = """
				SELECT sb.id, sb.project_id, sb.change_type, sb.created_at,
				       COUNT(DISTINCT pl.affected_dashboard_id) AS affected_dashboards,
				       CAST(COALESCE(SUM(pl.token_cost), 0) AS SIGNED) AS total_token_cost,
				       AVG(pl.duration_ms) AS average_duration_ms
				FROM sync_buffer sb JOIN propagation_log pl ON pl.sync_buffer_id = sb.id""" + where.where()
				+ " GROUP BY sb.id, sb.project_id, sb.change_type, sb.created_at"
				+ " HAVING COUNT(DISTINCT pl.affected_dashboard_id) >= :minimum"
				+ " ORDER BY total_token_cost DESC, sb.id LIMIT " + limit;
		return where.bind(db.sql(sql)).map(row -> {
			BigDecimal average = row.get("average_duration_ms", BigDecimal.class);
			return new HighImpactChange(Rows.string(row, "id"), Rows.string(row, "project_id"),
					Rows.string(row, "change_type"), Rows.instant(row, "created_at"),
					Rows.longValue(row, "affected_dashboards"), Rows.longValue(row, "total_token_cost"),
					average == null ? null : average.doubleValue());
		}).all();
	}

}

package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.persistence.MultiRowInsert;
import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.persistence.SqlConditions;
import io.r2dbc.spi.Readable;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for the raw rows of {@code token_usage}: one multi-row insert per batch, and the
 * newest-first pages of a project's rows (read by {@code idx_project_timestamp}). On TiDB
 * with a TiFlash replica ({@link TiFlashReplicas}), the reads that scan beyond what an
 * index serves (counts, filters on model or operation type) carry the TiFlash hint.
 */
@Repository
class TokenUsageRepository {

	private static final String COLUMNS = """
			id, project_id, provider, model, input_tokens, output_tokens, total_cost, operation_type,
			dashboard_context, `timestamp`""";

	private final DatabaseClient db;

	TokenUsageRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Inserts the whole batch with one statement. */
	Mono<Void> insert(List<TokenUsage> rows) {
		return MultiRowInsert.of(db, "token_usage", COLUMNS, rows,
				row -> List.of(row.id(), row.projectId(), row.provider(), row.model(), row.inputTokens(),
						row.outputTokens(), row.totalCost(), Parameter.fromOrEmpty(row.operationType(), String.class),
						Parameter.fromOrEmpty(row.dashboardContext(), String.class), Rows.utc(row.timestamp())),
				"")
			.then();
	}

	/**
	 * Up to {@code limit} rows of each project (newest first, then by id), after the
	 * cursor: one statement for all the projects.
	 */
	Flux<TokenUsage> pages(List<String> projectIds, UsageFilter filter, Cursors.@Nullable Position after, int limit,
			boolean tiflash) {
		SqlConditions conditions = filter.conditions();
		if (after != null) {
			conditions.add("(`timestamp` < :afterTime OR (`timestamp` = :afterTime AND id < :afterId))")
				.parameter("afterTime", Rows.utc(after.time()))
				.parameter("afterId", after.id());
		}
		String where = conditions.where();
		String extra = where.isEmpty() ? "" : " AND " + where.substring(" WHERE ".length());
		StringBuilder sql = new StringBuilder();
		for (int i = 0; i < projectIds.size(); i++) {
			sql.append(i == 0 ? "(" : " UNION ALL (")
				.append("SELECT ")
				.append(tiflash && filter.adHoc() ? TiFlashReplicas.HINT : "")
				.append(COLUMNS)
				.append(" FROM token_usage WHERE project_id = :project")
				.append(i)
				.append(extra)
				.append(" ORDER BY `timestamp` DESC, id DESC LIMIT ")
				.append(limit)
				.append(')');
		}
		DatabaseClient.GenericExecuteSpec spec = conditions.bind(db.sql(sql.toString()));
		for (int i = 0; i < projectIds.size(); i++) {
			spec = spec.bind("project" + i, projectIds.get(i));
		}
		return spec.map(TokenUsageRepository::map).all();
	}

	/**
	 * How many rows of the project match: a scan of all of them, sent to TiFlash when
	 * {@code tiflash}.
	 */
	Mono<Long> count(String projectId, UsageFilter filter, boolean tiflash) {
		SqlConditions conditions = filter.conditions().add("project_id = :project").parameter("project", projectId);
		String hint = tiflash ? TiFlashReplicas.HINT : "";
		return conditions.bind(db.sql("SELECT " + hint + "COUNT(*) AS total FROM token_usage" + conditions.where()))
			.map(row -> Rows.longValue(row, "total"))
			.one();
	}

	private static TokenUsage map(Readable row) {
		return new TokenUsage(string(row, "id"), string(row, "project_id"), string(row, "provider"),
				string(row, "model"), Rows.integer(row, "input_tokens"), Rows.integer(row, "output_tokens"),
				Rows.decimal(row, "total_cost"), stringOrNull(row, "operation_type"),
				stringOrNull(row, "dashboard_context"), instant(row, "timestamp"));
	}

}

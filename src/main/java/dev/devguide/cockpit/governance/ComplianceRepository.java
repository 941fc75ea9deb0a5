package dev.devguide.cockpit.governance;

import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.persistence.SqlConditions;
import dev.devguide.cockpit.project.ProjectScope;
import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * The compliance dashboard's SQL, the spec's query with the caller's scope: each active
 * standard with its violations counted by status, in one statement for any number of
 * projects (and, per project, for a page of projects).
 */
@Repository
class ComplianceRepository {

	private static final String COUNTS = """
			COUNT(mv.id) AS violations, COUNT(CASE WHEN mv.status = 'open' THEN 1 END) AS open_count,
			COUNT(CASE WHEN mv.status = 'resolved' THEN 1 END) AS resolved_count,
			COUNT(CASE WHEN mv.status = 'suppressed' THEN 1 END) AS suppressed_count""";

	private final DatabaseClient db;

	ComplianceRepository(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Every active standard (of the categories, if given) over the scope's violations:
	 * the violations are counted per standard in a derived table first, where the scope
	 * is a plain condition (a semi-join the optimizer can start from, over the index on
	 * project, standard and status), then joined to the standards.
	 */
	Flux<StandardCompliance> report(ProjectScope scope, @Nullable List<String> categories) {
		SqlConditions scoped = scope.restrict(new SqlConditions(), "mv.project_id");
		SqlConditions where = standards(categories);
		String sql = "SELECT ms.id, ms.category, ms.standard_name, COALESCE(c.violations, 0) AS violations, "
				+ "COALESCE(c.open_count, 0) AS open_count, COALESCE(c.resolved_count, 0) AS resolved_count, "
				+ "COALESCE(c.suppressed_count, 0) AS suppressed_count FROM metadata_standards ms LEFT JOIN "
				+ "(SELECT mv.standard_id, " + COUNTS + " FROM metadata_violations mv" + scoped.where()
				+ " GROUP BY mv.standard_id) c ON c.standard_id = ms.id" + where.where();
		return where.bind(scoped.bind(db.sql(sql))).map(ComplianceRepository::map).all();
	}

	/** The same per project, for a page of projects the caller may read. */
	Flux<Map.Entry<String, StandardCompliance>> reports(List<String> projectIds, @Nullable List<String> categories) {
		SqlConditions where = standards(categories).add("p.id IN (:projects)").parameter("projects", projectIds);
		String sql = "SELECT p.id AS project_id, ms.id, ms.category, ms.standard_name, " + COUNTS
				+ " FROM projects p CROSS JOIN metadata_standards ms "
				+ "LEFT JOIN metadata_violations mv ON mv.standard_id = ms.id AND mv.project_id = p.id" + where.where()
				+ " GROUP BY p.id, ms.id, ms.category, ms.standard_name";
		return where.bind(db.sql(sql)).map(row -> Map.entry(Rows.string(row, "project_id"), map(row))).all();
	}

	private static SqlConditions standards(@Nullable List<String> categories) {
		return new SqlConditions().add("ms.is_active = TRUE")
			.optional("ms.category IN (:categories)", "categories",
					categories == null || categories.isEmpty() ? null : categories);
	}

	private static StandardCompliance map(Readable row) {
		return new StandardCompliance(Rows.string(row, "id"), Rows.string(row, "category"),
				Rows.string(row, "standard_name"), Rows.longValue(row, "violations"), Rows.longValue(row, "open_count"),
				Rows.longValue(row, "resolved_count"), Rows.longValue(row, "suppressed_count"));
	}

}

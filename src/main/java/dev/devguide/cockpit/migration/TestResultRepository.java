package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.persistence.Rows.boolOrNull;
import static dev.devguide.cockpit.persistence.Rows.instantOrNull;
import static dev.devguide.cockpit.persistence.Rows.integerOrNull;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.graphql.Selection;
import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.persistence.SqlConditions;
import io.r2dbc.spi.Readable;
import java.time.LocalDateTime;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for {@code v7_test_results}: newest first ({@code tested_at} DESC, id DESC) after a
 * keyset position. Rows without a {@code tested_at} (only written past the API) have no
 * place in that order and are not listed.
 */
@Repository
class TestResultRepository {

	private static final String COLUMNS = """
			id, test_type, component_tested, v7_file_path, test_status, error_details, performance_metrics,
			backwards_compatible, tested_by, tested_at, retest_required, notes, phase_number""";

	private static final String ORDER = " ORDER BY tested_at DESC, id DESC";

	private final DatabaseClient db;

	private final JsonColumns json;

	TestResultRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	/** The filter of the testResults connection (null: any). */
	record Filter(@Nullable String testType, @Nullable String status, @Nullable String component,
			@Nullable Integer phase) {
	}

	/**
	 * Up to {@code limit} results matching the filter, newest first, after a position.
	 */
	Flux<TestResult> page(Filter filter, Cursors.@Nullable Position after, int limit) {
		SqlConditions where = conditions(filter);
		if (after != null) {
			where.add("(tested_at < :afterTime OR (tested_at = :afterTime AND id < :afterId))")
				.parameter("afterTime", Rows.utc(after.time()))
				.parameter("afterId", after.id());
		}
		return where
			.bind(db.sql("SELECT " + COLUMNS + " FROM v7_test_results" + where.where() + ORDER + " LIMIT " + limit))
			.map(this::map)
			.all();
	}

	Mono<Long> count(Filter filter) {
		SqlConditions where = conditions(filter);
		return where.bind(db.sql("SELECT COUNT(*) AS total FROM v7_test_results" + where.where()))
			.map(row -> Rows.longValue(row, "total"))
			.one();
	}

	/** The results of many phases in one statement, each phase's newest first. */
	Flux<TestResult> findByPhaseNumbers(Collection<Integer> phases, Selection selection) {
		return db
			.sql("SELECT " + COLUMNS + " FROM v7_test_results WHERE phase_number IN (:phases) "
					+ "AND tested_at IS NOT NULL" + ORDER)
			.bind("phases", phases)
			.map(this::map)
			.all();
	}

	Mono<TestResult> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM v7_test_results WHERE id = :id").bind("id", id).map(this::map).one();
	}

	Mono<Void> insert(TestResult result) {
		return db.sql("""
				INSERT INTO v7_test_results (id, test_type, component_tested, v7_file_path, test_status, error_details,
				                             performance_metrics, backwards_compatible, tested_by, tested_at,
				                             retest_required, notes, phase_number)
				VALUES (:id, :type, :component, :path, :status, :error, :metrics, :compatible, :by,
				        COALESCE(:at, CURRENT_TIMESTAMP(6)), :retest, :notes, :phase)""")
			.bind("id", result.id())
			.bind("type", result.testType())
			.bind("component", result.componentTested())
			.bind("path", Parameter.fromOrEmpty(result.v7FilePath(), String.class))
			.bind("status", result.testStatus())
			.bind("error", Parameter.fromOrEmpty(result.errorDetails(), String.class))
			.bind("metrics", Parameter.fromOrEmpty(json.write(result.performanceMetrics()), String.class))
			.bind("compatible", Parameter.fromOrEmpty(result.backwardsCompatible(), Boolean.class))
			.bind("by", Parameter.fromOrEmpty(result.testedBy(), String.class))
			.bind("at", Parameter.fromOrEmpty(Rows.utc(result.testedAt()), LocalDateTime.class))
			.bind("retest", result.retestRequired())
			.bind("notes", Parameter.fromOrEmpty(result.notes(), String.class))
			.bind("phase", Parameter.fromOrEmpty(result.phaseNumber(), Integer.class))
			.then();
	}

	private static SqlConditions conditions(Filter filter) {
		return new SqlConditions().add("tested_at IS NOT NULL")
			.optional("test_type = :type", "type", filter.testType())
			.optional("test_status = :status", "status", filter.status())
			.optional("component_tested = :component", "component", filter.component())
			.optional("phase_number = :phase", "phase", filter.phase());
	}

	private TestResult map(Readable row) {
		return new TestResult(string(row, "id"), string(row, "test_type"), string(row, "component_tested"),
				stringOrNull(row, "v7_file_path"), string(row, "test_status"), stringOrNull(row, "error_details"),
				json.readOrNull(row, "performance_metrics"), boolOrNull(row, "backwards_compatible"),
				stringOrNull(row, "tested_by"), instantOrNull(row, "tested_at"),
				Boolean.TRUE.equals(boolOrNull(row, "retest_required")), stringOrNull(row, "notes"),
				integerOrNull(row, "phase_number"));
	}

}

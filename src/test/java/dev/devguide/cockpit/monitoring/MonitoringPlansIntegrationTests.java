package dev.devguide.cockpit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The query plans of the monitoring reads at the spec's volume: 1,000,000 filesystem
 * captures (10 projects of 100,000) and 1,000,000 clock readings (50 components), planted
 * with MariaDB's SEQUENCE engine, then EXPLAIN of the statements the repositories send.
 * Planting takes a minute or two on 2 cores, so the test runs only when asked:
 * {@code ./mvnw -o verify -Dit.test=MonitoringPlansIntegrationTests
 * -Dcockpit.plans=true}. The planted rows belong to no real project and are left in the
 * test database (fresh for every test JVM).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "cockpit.plans", matches = "true")
class MonitoringPlansIntegrationTests {

	private static final String COLUMNS = "id, project_id, file_path, atime, mtime, ctime, captured_at, git_commit_sha";

	@Autowired
	DatabaseClient db;

	TestDatabase database;

	@BeforeAll
	void plant() {
		database = new TestDatabase(db);
		// in steps of 25,000 rows: each statement stays well within the test's
		// 30-second read timeout
		for (int from = 1; from <= 1_000_000; from += 25_000) {
			String seq = "seq_" + from + "_to_" + (from + 24_999);
			database.rows(FILES.replace("SEQ", seq), Map.of());
			database.rows(READINGS.replace("SEQ", seq), Map.of());
		}
		database.rows("ANALYZE TABLE filesystem_timestamps, clock_sync_status", Map.of());
	}

	private static final String FILES = "INSERT INTO filesystem_timestamps (" + COLUMNS + ")"
			+ " SELECT CONCAT('plan-', seq), CONCAT('plan-project-', seq % 10),"
			+ " CONCAT('src/module-', seq % 100, '/file-', seq % 5000, '.txt'),"
			+ " TIMESTAMP('2026-01-01') + INTERVAL (seq * 31) SECOND,"
			+ " TIMESTAMP('2026-01-01') + INTERVAL (seq * 31) SECOND,"
			+ " TIMESTAMP('2026-01-01') + INTERVAL (seq * 31) SECOND,"
			+ " TIMESTAMP('2026-01-01') + INTERVAL (seq DIV 10 * 31) SECOND, NULL FROM SEQ";

	private static final String READINGS = "INSERT INTO clock_sync_status (id, component_name, protocol, stratum,"
			+ " offset_microseconds, last_sync_at, status, error_message)"
			+ " SELECT CONCAT('plan-', seq), CONCAT('plan-component-', seq % 50), 'NTP', 2, seq % 20000,"
			+ " TIMESTAMP('2026-01-01') + INTERVAL (seq * 31) SECOND,"
			+ " IF(seq % 20000 >= 10000, 'drifting', 'synchronized'), NULL FROM SEQ";

	@Test
	void aProjectsCapturesNewestFirstAreARangeOfIdxProjectCapturedWithoutASort() {
		List<Map<String, Object>> plan = explain("SELECT " + COLUMNS + " FROM filesystem_timestamps"
				+ " WHERE project_id = 'plan-project-3' ORDER BY captured_at DESC, id DESC LIMIT 21");
		assertThat(plan).singleElement().satisfies(row -> {
			assertThat(row.get("key")).isEqualTo("idx_project_captured");
			assertThat(String.valueOf(row.get("Extra"))).doesNotContain("filesort");
		});
		List<Map<String, Object>> next = explain("SELECT " + COLUMNS + " FROM filesystem_timestamps"
				+ " WHERE project_id = 'plan-project-3' AND (captured_at < '2026-06-01 00:00:00' OR (captured_at ="
				+ " '2026-06-01 00:00:00' AND id < 'plan-5')) AND mtime > '2026-01-15 00:00:00'"
				+ " ORDER BY captured_at DESC, id DESC LIMIT 21");
		assertThat(next).singleElement().satisfies(row -> {
			assertThat(row.get("key")).isEqualTo("idx_project_captured");
			assertThat(String.valueOf(row.get("Extra"))).doesNotContain("filesort");
		});
	}

	@Test
	void aPathPrefixIsARangeOfIdxProjectPathCaptured() {
		List<Map<String, Object>> plan = explain("SELECT " + COLUMNS + " FROM filesystem_timestamps"
				+ " WHERE project_id = 'plan-project-3' AND file_path_prefix LIKE 'src/module-13/%' ESCAPE '!'"
				+ " ORDER BY captured_at DESC, id DESC LIMIT 21");
		assertThat(plan).singleElement()
			.satisfies(row -> assertThat(row.get("key")).isIn("idx_project_path_captured", "idx_project_captured"));
	}

	@Test
	void aFilesHistoryIsARangeOfIdxProjectPathCapturedWithoutASort() {
		List<Map<String, Object>> plan = explain("SELECT " + COLUMNS + " FROM filesystem_timestamps"
				+ " WHERE project_id = 'plan-project-3' AND file_path_prefix = 'src/module-13/file-13.txt'"
				+ " AND file_path = 'src/module-13/file-13.txt' AND CHAR_LENGTH(file_path) = 25"
				+ " ORDER BY captured_at, id");
		assertThat(plan).singleElement().satisfies(row -> {
			// MariaDB may add a rowid filter from idx_file_path: key is then
			// "idx_project_path_captured|idx_file_path"
			assertThat(String.valueOf(row.get("key"))).startsWith("idx_project_path_captured");
			assertThat(String.valueOf(row.get("Extra"))).doesNotContain("filesort");
		});
	}

	@Test
	void theLatestReadingPerComponentIsALooseIndexScanOfIdxComponentLastSync() {
		List<Map<String, Object>> plan = explain("SELECT c.id FROM clock_sync_status c"
				+ " JOIN (SELECT component_name, MAX(last_sync_at) AS last_sync_at FROM clock_sync_status"
				+ " GROUP BY component_name) m ON m.component_name = c.component_name"
				+ " AND m.last_sync_at = c.last_sync_at ORDER BY c.component_name, c.id DESC");
		assertThat(plan).anySatisfy(row -> {
			assertThat(row.get("key")).isEqualTo("idx_component_last_sync");
			assertThat(String.valueOf(row.get("Extra"))).contains("Using index for group-by");
		});
		assertThat(plan).filteredOn(row -> "c".equals(row.get("table")))
			.singleElement()
			.satisfies(row -> assertThat(row.get("key")).isEqualTo("idx_component_last_sync"));
		// only the derived table of one row per component is read whole
		assertThat(plan).filteredOn(row -> "ALL".equals(row.get("type")))
			.allSatisfy(row -> assertThat(String.valueOf(row.get("table"))).startsWith("<derived"));
	}

	@Test
	void aComponentsHistoryNewestFirstIsARangeOfIdxComponentLastSyncWithoutASort() {
		List<Map<String, Object>> plan = explain("SELECT id FROM clock_sync_status"
				+ " WHERE component_name = 'plan-component-7' AND last_sync_at >= '2026-03-01 00:00:00'"
				+ " ORDER BY last_sync_at DESC, id DESC LIMIT 21");
		assertThat(plan).singleElement().satisfies(row -> {
			assertThat(row.get("key")).isEqualTo("idx_component_last_sync");
			assertThat(String.valueOf(row.get("Extra"))).doesNotContain("filesort");
		});
	}

	private List<Map<String, Object>> explain(String sql) {
		List<Map<String, Object>> plan = database.rows("EXPLAIN " + sql, Map.of());
		System.out.println("EXPLAIN " + sql + "\n  -> " + plan);
		return plan;
	}

}

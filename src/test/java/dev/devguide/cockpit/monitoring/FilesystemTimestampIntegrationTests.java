package dev.devguide.cockpit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.Errors;
import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.GeneralLog;
import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestDatabase;
import dev.devguide.cockpit.support.TestUsers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * {@code captureFilesystemTimestamps}, {@code filesystemTimestamps} and
 * {@code fileHistory}: chunked multi-row writes, all or none, each bad entry named, who
 * may write and read, the newest-first pages with their filters, one file's history.
 */
@IntegrationTest
class FilesystemTimestampIntegrationTests {

	private static final String CAPTURE = """
			mutation($p: ID!, $entries: [FilesystemTimestampInput!]!) {
			  captureFilesystemTimestamps(projectId: $p, entries: $entries) { projectId captured capturedAt }
			}""";

	private static final String PAGE = """
			query($p: ID!, $prefix: String, $after: String, $modifiedAfter: DateTime, $first: Int) {
			  filesystemTimestamps(projectId: $p, pathPrefix: $prefix, modifiedAfter: $modifiedAfter, first: $first,
			      after: $after) {
			    totalCount pageInfo { hasNextPage endCursor }
			    edges { node { id projectId filePath atime mtime ctime capturedAt gitCommitSha } }
			  }
			}""";

	private static final String HISTORY = """
			query($p: ID!, $path: String!) { fileHistory(projectId: $p, filePath: $path) { filePath mtime capturedAt gitCommitSha } }""";

	private static final String SHA = "0123456789abcdef0123456789ABCDEF01234567";

	@Autowired
	DatabaseClient db;

	@Autowired
	TestUsers users;

	HttpGraphQlTester owner;

	String ownerId;

	String project;

	@BeforeEach
	void setUp() {
		ownerId = "fs-" + UUID.randomUUID();
		owner = users.user(ownerId);
		project = new Fixtures(owner).project();
	}

	@Test
	void fiveThousandFilesAreFiveStatementsOfAThousandWithOneCaptureTime() {
		List<Map<String, Object>> entries = files("src/file-", 5000, "2026-03-04T10:15:00Z");
		List<String> inserts = GeneralLog.statementsWhile(db, "INSERT INTO filesystem_timestamps%",
				() -> capture(owner, project, entries).path("captureFilesystemTimestamps.captured")
					.entity(Integer.class)
					.isEqualTo(5000));
		assertThat(inserts).hasSize(5);
		Map<String, Object> stored = new TestDatabase(db)
			.rows("""
					SELECT COUNT(*) AS n, COUNT(DISTINCT captured_at) AS captures, COUNT(git_commit_sha) AS shas,
					       MIN(git_commit_sha) AS sha FROM filesystem_timestamps WHERE project_id = :p""",
					Map.of("p", project))
			.get(0);
		assertThat(((Number) stored.get("n")).longValue()).isEqualTo(5000);
		assertThat(((Number) stored.get("captures")).longValue()).isEqualTo(1);
		assertThat(((Number) stored.get("shas")).longValue()).isEqualTo(5000);
		assertThat(stored.get("sha")).isEqualTo(SHA.toLowerCase());
		assertThat(audit("success")).isEqualTo(1);
	}

	@Test
	void eachBadEntryIsNamedAndNothingIsWritten() {
		refused(entry -> entry.put("gitCommitSha", SHA.substring(1)), 3, "entries[3].gitCommitSha");
		refused(entry -> entry.put("gitCommitSha", SHA.substring(1) + "g"), 0, "entries[0].gitCommitSha");
		refused(entry -> entry.put("mtime", "2040-01-01T00:00:00Z"), 4, "entries[4].mtime");
		refused(entry -> entry.put("atime", "1970-01-01T00:00:00Z"), 1, "entries[1].atime");
		refused(entry -> entry.put("filePath", ""), 2, "entries[2].filePath");
		refused(entry -> entry.put("filePath", "p".repeat(4097)), 2, "entries[2].filePath");
		Errors.expect(capture(owner, project, files("a", 5001, "2026-03-04T10:15:00Z")), "BAD_REQUEST", "entries",
				"5001");
		assertThat(count()).isZero();
		assertThat(audit("failure")).isEqualTo(7);
		assertThat(audit("success")).isZero();
	}

	@Test
	void timesMustBeUtc() {
		List<Map<String, Object>> entries = new ArrayList<>(files("a", 1, "2026-03-04T10:15:00Z"));
		Map<String, Object> local = new LinkedHashMap<>(entries.get(0));
		local.put("ctime", "2026-03-04T12:15:00+02:00");
		capture(owner, project, List.of(local)).errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).contains("Z")));
		assertThat(count()).isZero();
	}

	@Test
	void theOwnerAdminsAndTheIngestServiceWriteOnlyPeopleRead() {
		HttpGraphQlTester stranger = users.user("fs-stranger-" + UUID.randomUUID());
		HttpGraphQlTester ingest = users.ingest("fs-gateway-" + UUID.randomUUID());
		HttpGraphQlTester admin = users.admin("fs-admin-" + UUID.randomUUID());
		Errors.expectNotFound(capture(stranger, project, files("a", 1, "2026-03-04T10:15:00Z")), "Project", project);
		Errors.expect(capture(ingest, "no-such-project", files("a", 1, "2026-03-04T10:15:00Z")), "NOT_FOUND", null,
				null);
		capture(ingest, project, files("gateway/", 2, "2026-03-04T10:15:00Z"))
			.path("captureFilesystemTimestamps.captured")
			.entity(Integer.class)
			.isEqualTo(2);
		capture(admin, project, files("admin/", 1, "2026-03-04T10:15:00Z")).path("captureFilesystemTimestamps.captured")
			.entity(Integer.class)
			.isEqualTo(1);
		assertThat(count()).isEqualTo(3);
		Errors.expectNotFound(page(stranger, null, null, null), "Project", project);
		Errors.expect(ingest.document(PAGE).variable("p", project).execute(), "FORBIDDEN", null, null);
		Errors.expectNotFound(stranger.document(HISTORY).variable("p", project).variable("path", "admin/0").execute(),
				"Project", project);
		page(admin, null, null, null).path("filesystemTimestamps.totalCount").entity(Long.class).isEqualTo(3L);
		page(owner, null, null, null).path("filesystemTimestamps.totalCount").entity(Long.class).isEqualTo(3L);
	}

	@Test
	void pagesAreNewestCaptureFirstAndFilterByPathPrefixAndModification() {
		capture(owner, project,
				List.of(file("src/a%b.txt", "2026-01-01T00:00:00Z", null),
						file("src/axb.txt", "2026-01-02T00:00:00Z", null),
						file("docs/readme.md", "2026-01-03T00:00:00Z", null)));
		capture(owner, project, List.of(file("src/a%b.txt", "2026-02-01T00:00:00Z", SHA),
				file("src/a_c.txt", "2026-02-02T00:00:00Z", null)));
		List<Map<String, Object>> all = nodes(page(owner, null, null, null));
		assertThat(all).hasSize(5);
		assertThat(all).extracting(node -> node.get("capturedAt"))
			.isSortedAccordingTo((a, b) -> ((String) b).compareTo((String) a));
		assertThat(all.subList(0, 2)).extracting(node -> node.get("filePath"))
			.containsExactlyInAnyOrder("src/a%b.txt", "src/a_c.txt");
		assertThat(nodes(page(owner, "src/a%", null, null))).extracting(node -> node.get("filePath"))
			.containsExactly("src/a%b.txt", "src/a%b.txt");
		assertThat(nodes(page(owner, "src/a_", null, null))).extracting(node -> node.get("filePath"))
			.containsExactly("src/a_c.txt");
		assertThat(nodes(page(owner, "src/", "2026-01-15T00:00:00Z", null))).extracting(node -> node.get("filePath"))
			.containsExactlyInAnyOrder("src/a%b.txt", "src/a_c.txt");

		List<String> walked = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response response = owner.document(PAGE)
				.variable("p", project)
				.variable("first", 2)
				.variable("after", after)
				.execute();
			nodes(response).forEach(node -> walked.add((String) node.get("id")));
			more = response.path("filesystemTimestamps.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = response.path("filesystemTimestamps.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(walked).containsExactlyElementsOf(all.stream().map(node -> (String) node.get("id")).toList());

		List<Map<String, Object>> history = owner.document(HISTORY)
			.variable("p", project)
			.variable("path", "src/a%b.txt")
			.execute()
			.path("fileHistory")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(history).extracting(node -> node.get("mtime"))
			.containsExactly("2026-01-01T00:00:00.000000Z", "2026-02-01T00:00:00.000000Z");
		assertThat(history).extracting(node -> node.get("gitCommitSha")).containsExactly(null, SHA.toLowerCase());
		assertThat(owner.document(HISTORY)
			.variable("p", project)
			.variable("path", "src/a%b.txt ")
			.execute()
			.path("fileHistory")
			.entityList(Object.class)
			.get()).isEmpty();
	}

	@Test
	void pathsLongerThanTheIndexedPrefixAreMatchedInFull() {
		String base = "deep/" + "d".repeat(300);
		capture(owner, project, List.of(file(base + "/one.txt", "2026-01-01T00:00:00Z", null),
				file(base + "/two.txt", "2026-01-01T00:00:00Z", null)));
		assertThat(nodes(page(owner, base + "/t", null, null))).extracting(node -> node.get("filePath"))
			.containsExactly(base + "/two.txt");
		assertThat(owner.document(HISTORY)
			.variable("p", project)
			.variable("path", base + "/one.txt")
			.execute()
			.path("fileHistory[*].filePath")
			.entityList(String.class)
			.get()).containsExactly(base + "/one.txt");
	}

	private void refused(Consumer<Map<String, Object>> spoil, int index, String field) {
		List<Map<String, Object>> batch = new ArrayList<>(files("f", 5, "2026-03-04T10:15:00Z"));
		Map<String, Object> bad = new LinkedHashMap<>(batch.get(index));
		spoil.accept(bad);
		batch.set(index, bad);
		Errors.expect(capture(owner, project, batch), "BAD_REQUEST", field, null);
	}

	private static GraphQlTester.Response capture(HttpGraphQlTester tester, String projectId,
			List<Map<String, Object>> entries) {
		return tester.document(CAPTURE).variable("p", projectId).variable("entries", entries).execute();
	}

	private GraphQlTester.Response page(HttpGraphQlTester tester, String prefix, String modifiedAfter, String after) {
		return tester.document(PAGE)
			.variable("p", project)
			.variable("prefix", prefix)
			.variable("modifiedAfter", modifiedAfter)
			.variable("after", after)
			.execute();
	}

	private static List<Map<String, Object>> nodes(GraphQlTester.Response response) {
		return response.path("filesystemTimestamps.edges[*].node")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	private static List<Map<String, Object>> files(String prefix, int count, String at) {
		List<Map<String, Object>> files = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			files.add(file(prefix + i, at, SHA));
		}
		return files;
	}

	private static Map<String, Object> file(String path, String mtime, String sha) {
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("filePath", path);
		file.put("atime", "2026-03-05T00:00:00Z");
		file.put("mtime", mtime);
		file.put("ctime", mtime);
		if (sha != null) {
			file.put("gitCommitSha", sha);
		}
		return file;
	}

	private long count() {
		return ((Number) new TestDatabase(db)
			.rows("SELECT COUNT(*) AS n FROM filesystem_timestamps WHERE project_id = :p", Map.of("p", project))
			.get(0)
			.get("n")).longValue();
	}

	private long audit(String status) {
		return ((Number) new TestDatabase(db).rows("""
				SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'filesystem_timestamps.capture'
				AND resource_id = :p AND status = :s""", Map.of("p", project, "s", status)).get(0).get("n"))
			.longValue();
	}

}

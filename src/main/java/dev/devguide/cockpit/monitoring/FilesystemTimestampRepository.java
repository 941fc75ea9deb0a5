package dev.devguide.cockpit.monitoring;

import static dev.devguide.cockpit.persistence.Rows.instant;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.persistence.MultiRowInsert;
import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.persistence.SqlConditions;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for {@code filesystem_timestamps}: one multi-row insert per chunk, a project's
 * captures newest first ({@code idx_project_captured}, or
 * {@code idx_project_path_captured} for a path prefix) and one file's history
 * ({@code idx_project_path_captured}). A path is matched through
 * {@code file_path_prefix}, the indexed first 255 characters of the TEXT column, and,
 * when longer, on {@code file_path} itself.
 */
@Repository
class FilesystemTimestampRepository {

	/** How many characters of a path {@code file_path_prefix} holds. */
	static final int PREFIX = 255;

	private static final String COLUMNS = "id, project_id, file_path, atime, mtime, ctime, captured_at, git_commit_sha";

	private final DatabaseClient db;

	FilesystemTimestampRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Inserts the rows with one statement. */
	Mono<Void> insert(List<FilesystemTimestamp> rows) {
		return MultiRowInsert
			.of(db, "filesystem_timestamps", COLUMNS, rows,
					row -> List.of(row.id(), Parameter.fromOrEmpty(row.projectId(), String.class), row.filePath(),
							Rows.utc(row.atime()), Rows.utc(row.mtime()), Rows.utc(row.ctime()),
							Rows.utc(row.capturedAt()), Parameter.fromOrEmpty(row.gitCommitSha(), String.class)),
					"")
			.then();
	}

	/**
	 * Up to {@code limit} captures of the project matching the filters, newest first
	 * (captured_at DESC, id DESC), after a position.
	 */
	Flux<FilesystemTimestamp> page(String projectId, @Nullable String pathPrefix, @Nullable Instant modifiedAfter,
			Cursors.@Nullable Position after, int limit) {
		SqlConditions where = conditions(projectId, pathPrefix, modifiedAfter);
		if (after != null) {
			where.add("(captured_at < :afterTime OR (captured_at = :afterTime AND id < :afterId))")
				.parameter("afterTime", Rows.utc(after.time()))
				.parameter("afterId", after.id());
		}
		return where
			.bind(db.sql("SELECT " + COLUMNS + " FROM filesystem_timestamps" + where.where()
					+ " ORDER BY captured_at DESC, id DESC LIMIT " + limit))
			.map(FilesystemTimestampRepository::map)
			.all();
	}

	Mono<Long> count(String projectId, @Nullable String pathPrefix, @Nullable Instant modifiedAfter) {
		SqlConditions where = conditions(projectId, pathPrefix, modifiedAfter);
		return where.bind(db.sql("SELECT COUNT(*) AS total FROM filesystem_timestamps" + where.where()))
			.map(row -> Rows.longValue(row, "total"))
			.one();
	}

	/**
	 * Every capture of one file of the project, oldest first. The path is compared with
	 * its length too: the column's PAD SPACE collation would otherwise take "a.txt " for
	 * "a.txt".
	 */
	Flux<FilesystemTimestamp> history(String projectId, String filePath) {
		return db
			.sql("SELECT " + COLUMNS + " FROM filesystem_timestamps WHERE project_id = :project"
					+ " AND file_path_prefix = :prefix AND file_path = :path AND CHAR_LENGTH(file_path) = :length"
					+ " ORDER BY captured_at, id")
			.bind("project", projectId)
			.bind("prefix", prefix(filePath))
			.bind("path", filePath)
			.bind("length", filePath.codePointCount(0, filePath.length()))
			.map(FilesystemTimestampRepository::map)
			.all();
	}

	private static SqlConditions conditions(String projectId, @Nullable String pathPrefix,
			@Nullable Instant modifiedAfter) {
		SqlConditions where = new SqlConditions().add("project_id = :project").parameter("project", projectId);
		if (pathPrefix != null) {
			where.add("file_path_prefix LIKE :pathLike ESCAPE '!'")
				.parameter("pathLike", escapeLike(prefix(pathPrefix)) + "%");
			if (!prefix(pathPrefix).equals(pathPrefix)) {
				where.add("file_path LIKE :fullPathLike ESCAPE '!'")
					.parameter("fullPathLike", escapeLike(pathPrefix) + "%");
			}
		}
		return where.optional("mtime > :modifiedAfter", "modifiedAfter", Rows.utc(modifiedAfter));
	}

	/** The first {@link #PREFIX} characters (code points, as the database counts). */
	static String prefix(String path) {
		if (path.codePointCount(0, path.length()) <= PREFIX) {
			return path;
		}
		return path.substring(0, path.offsetByCodePoints(0, PREFIX));
	}

	/** The text as a LIKE pattern matching it literally, with {@code !} as the escape. */
	static String escapeLike(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	private static FilesystemTimestamp map(Readable row) {
		return new FilesystemTimestamp(string(row, "id"), stringOrNull(row, "project_id"), string(row, "file_path"),
				instant(row, "atime"), instant(row, "mtime"), instant(row, "ctime"), instant(row, "captured_at"),
				stringOrNull(row, "git_commit_sha"));
	}

}

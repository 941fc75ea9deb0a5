package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.persistence.Rows.instantOrNull;
import static dev.devguide.cockpit.persistence.Rows.integerOrNull;
import static dev.devguide.cockpit.persistence.Rows.string;
import static dev.devguide.cockpit.persistence.Rows.stringOrNull;

import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.persistence.SqlConditions;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for {@code file_audit}: the fileAudit connection is newest first (created_at DESC,
 * id DESC).
 */
@Repository
class FileAuditRepository {

	private static final String COLUMNS = """
			id, file_path, file_name, content_sha256, last_modified_at, notes, v7_workflow_status, v7_target_name,
			v7_database_enums, v7_enum_mappings, v7_dependencies, v7_dependents, v7_impact_score, v7_review_status,
			v7_reviewed_by, v7_implementation_status, v7_test_status, v7_retirement_date, created_at, updated_at""";

	private final DatabaseClient db;

	private final JsonColumns json;

	FileAuditRepository(DatabaseClient db, JsonColumns json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * Up to {@code limit} rows of the statuses given (null: any), newest first, after a
	 * position.
	 */
	Flux<FileAudit> page(@Nullable String workflowStatus, @Nullable String reviewStatus,
			Cursors.@Nullable Position after, int limit) {
		SqlConditions where = conditions(workflowStatus, reviewStatus);
		if (after != null) {
			where.add("(created_at < :afterTime OR (created_at = :afterTime AND id < :afterId))")
				.parameter("afterTime", Rows.utc(after.time()))
				.parameter("afterId", after.id());
		}
		return where
			.bind(db.sql("SELECT " + COLUMNS + " FROM file_audit" + where.where()
					+ " ORDER BY created_at DESC, id DESC LIMIT " + limit))
			.map(this::map)
			.all();
	}

	Mono<Long> count(@Nullable String workflowStatus, @Nullable String reviewStatus) {
		SqlConditions where = conditions(workflowStatus, reviewStatus);
		return where.bind(db.sql("SELECT COUNT(*) AS total FROM file_audit" + where.where()))
			.map(row -> Rows.longValue(row, "total"))
			.one();
	}

	Mono<FileAudit> findById(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM file_audit WHERE id = :id").bind("id", id).map(this::map).one();
	}

	/** The row, locked until the transaction ends. */
	Mono<FileAudit> lock(String id) {
		return db.sql("SELECT " + COLUMNS + " FROM file_audit WHERE id = :id FOR UPDATE")
			.bind("id", id)
			.map(this::map)
			.one();
	}

	/** True when a row other than {@code id} audits {@code path}. */
	Mono<Boolean> pathTaken(String path, String id) {
		return db.sql("SELECT COUNT(*) AS n FROM file_audit WHERE file_path = :path AND id <> :id")
			.bind("path", path)
			.bind("id", id)
			.map(row -> Rows.longValue(row, "n") > 0)
			.one();
	}

	/** Inserts a new row or writes every column of an existing one. */
	Mono<Void> save(FileAudit row, boolean isNew) {
		String sql = isNew ? """
				INSERT INTO file_audit (id, file_path, file_name, content_sha256, last_modified_at, notes,
				                        v7_workflow_status, v7_target_name, v7_database_enums, v7_enum_mappings,
				                        v7_dependencies, v7_dependents, v7_impact_score, v7_review_status,
				                        v7_reviewed_by, v7_implementation_status, v7_test_status, v7_retirement_date)
				VALUES (:id, :path, :name, :sha, :modified, :notes, :workflow, :target, :enums, :mappings,
				        :dependencies, :dependents, :impact, :review, :reviewers, :implementation, :test,
				        :retirement)""" : """
				UPDATE file_audit SET file_path = :path, file_name = :name, content_sha256 = :sha,
				       last_modified_at = :modified, notes = :notes, v7_workflow_status = :workflow,
				       v7_target_name = :target, v7_database_enums = :enums, v7_enum_mappings = :mappings,
				       v7_dependencies = :dependencies, v7_dependents = :dependents, v7_impact_score = :impact,
				       v7_review_status = :review, v7_reviewed_by = :reviewers,
				       v7_implementation_status = :implementation, v7_test_status = :test,
				       v7_retirement_date = :retirement
				WHERE id = :id""";
		return db.sql(sql)
			.bind("id", row.id())
			.bind("path", row.filePath())
			.bind("name", row.fileName())
			.bind("sha", text(row.contentSha256()))
			.bind("modified", Parameter.fromOrEmpty(Rows.utc(row.lastModifiedAt()), LocalDateTime.class))
			.bind("notes", text(row.notes()))
			.bind("workflow", text(row.v7WorkflowStatus()))
			.bind("target", text(row.v7TargetName()))
			.bind("enums", text(json.write(row.v7DatabaseEnums())))
			.bind("mappings", text(json.write(row.v7EnumMappings())))
			.bind("dependencies", text(json.write(row.v7Dependencies())))
			.bind("dependents", text(json.write(row.v7Dependents())))
			.bind("impact", Parameter.fromOrEmpty(row.v7ImpactScore(), Integer.class))
			.bind("review", text(row.v7ReviewStatus()))
			.bind("reviewers", text(json.write(row.v7ReviewedBy())))
			.bind("implementation", text(row.v7ImplementationStatus()))
			.bind("test", text(row.v7TestStatus()))
			.bind("retirement", Parameter.fromOrEmpty(row.v7RetirementDate(), LocalDate.class))
			.then();
	}

	private static Parameter text(@Nullable String value) {
		return Parameter.fromOrEmpty(value, String.class);
	}

	private static SqlConditions conditions(@Nullable String workflowStatus, @Nullable String reviewStatus) {
		return new SqlConditions().optional("v7_workflow_status = :workflow", "workflow", workflowStatus)
			.optional("v7_review_status = :review", "review", reviewStatus);
	}

	private FileAudit map(Readable row) {
		return new FileAudit(string(row, "id"), string(row, "file_path"), string(row, "file_name"),
				stringOrNull(row, "content_sha256"), instantOrNull(row, "last_modified_at"), stringOrNull(row, "notes"),
				stringOrNull(row, "v7_workflow_status"), stringOrNull(row, "v7_target_name"),
				MigrationImpactsRows.textsOrNull(json, row, "v7_database_enums"),
				json.readOrNull(row, "v7_enum_mappings"),
				MigrationImpactsRows.textsOrNull(json, row, "v7_dependencies"),
				MigrationImpactsRows.textsOrNull(json, row, "v7_dependents"), integerOrNull(row, "v7_impact_score"),
				stringOrNull(row, "v7_review_status"), MigrationImpactsRows.textsOrNull(json, row, "v7_reviewed_by"),
				stringOrNull(row, "v7_implementation_status"), stringOrNull(row, "v7_test_status"),
				row.get("v7_retirement_date", LocalDate.class), instantOrNull(row, "created_at"),
				instantOrNull(row, "updated_at"));
	}

}

package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.graphql.FieldSpec.dateTime;
import static dev.devguide.cockpit.graphql.FieldSpec.id;
import static dev.devguide.cockpit.graphql.FieldSpec.integer;
import static dev.devguide.cockpit.graphql.FieldSpec.jsonObject;
import static dev.devguide.cockpit.graphql.FieldSpec.longText;
import static dev.devguide.cockpit.graphql.FieldSpec.object;
import static dev.devguide.cockpit.graphql.FieldSpec.text;
import static dev.devguide.cockpit.graphql.FieldSpec.textList;
import static dev.devguide.cockpit.graphql.Sdl.inputObject;

import dev.devguide.cockpit.graphql.FieldSpec;
import graphql.schema.GraphQLInputObjectType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The arguments and input fields of the file audit, with their limits. */
final class FileAuditInputs {

	static final FieldSpec<String> FILE_PATH = text("filePath", 500,
			"The file's path from the repository root, unique (required on record).");

	static final FieldSpec<String> FILE_NAME = text("fileName", 255,
			"The file's name (default on record: the last segment of filePath).");

	static final FieldSpec<String> CONTENT_SHA256 = text("contentSha256", 64,
			"The hex SHA-256 of the content when audited (64 hex digits).");

	static final FieldSpec<Instant> LAST_MODIFIED_AT = dateTime("lastModifiedAt", "When the file last changed.");

	static final FieldSpec<String> NOTES = longText("notes", "Notes.");

	static final FieldSpec<String> V7_WORKFLOW_STATUS = text("v7WorkflowStatus", 50,
			"Where the file stands in the V7 workflow (default on record: pending_assessment; completed counts as "
					+ "migrated on the dashboard).");

	static final FieldSpec<String> V7_TARGET_NAME = text("v7TargetName", 500,
			"The V7 name, WF<n>_V7_L<n>_<name>_<k>of<n>.py (k not greater than n). A name that does not follow the "
					+ "convention is stored and opens a metadata violation of nm-001-v7-file-name.");

	static final FieldSpec<List<String>> V7_DATABASE_ENUMS = textList("v7DatabaseEnums", 200, 100,
			"The database ENUMs the file uses.");

	static final FieldSpec<Map<String, Object>> V7_ENUM_MAPPINGS = jsonObject("v7EnumMappings",
			"Old ENUM to V7 ENUM mapping, e.g. {\"task_state\": \"v7_status\"}.");

	static final FieldSpec<List<String>> V7_DEPENDENCIES = textList("v7Dependencies", 500, 500,
			"The directive's v7_dependencies (its comment: what files depend on this).");

	static final FieldSpec<List<String>> V7_DEPENDENTS = textList("v7Dependents", 500, 500,
			"The directive's v7_dependents (its comment: what this depends on).");

	static final FieldSpec<Integer> V7_IMPACT_SCORE = integer("v7ImpactScore", 1, 10, "The risk score, 1 to 10.");

	static final FieldSpec<String> V7_REVIEW_STATUS = text("v7ReviewStatus", 50, "The review status.");

	static final FieldSpec<List<String>> V7_REVIEWED_BY = textList("v7ReviewedBy", 50, 100, "Who reviewed it.");

	static final FieldSpec<String> V7_IMPLEMENTATION_STATUS = text("v7ImplementationStatus", 50,
			"The implementation status.");

	static final FieldSpec<String> V7_TEST_STATUS = text("v7TestStatus", 50, "The test status.");

	static final FieldSpec<String> V7_RETIREMENT_DATE = text("v7RetirementDate", 10,
			"When the old file retires, as YYYY-MM-DD.");

	static final FieldSpec<Map<String, Object>> INPUT = object("input", "FileAuditInput",
			"The fields to set; on update, omitted fields keep their value and null clears an optional one.")
		.nonNull();

	static final FieldSpec<String> ID = id("id", "The file audit row's id.").nonNull();

	static final FieldSpec<String> WORKFLOW_STATUS_FILTER = text("workflowStatus", 50,
			"Only files in this V7 workflow status.");

	static final FieldSpec<String> REVIEW_STATUS_FILTER = text("reviewStatus", 50,
			"Only files in this V7 review status.");

	private FileAuditInputs() {
	}

	static List<GraphQLInputObjectType> types() {
		return List.of(inputObject("FileAuditInput", "Fields of a file audit row.", FILE_PATH, FILE_NAME,
				CONTENT_SHA256, LAST_MODIFIED_AT, NOTES, V7_WORKFLOW_STATUS, V7_TARGET_NAME, V7_DATABASE_ENUMS,
				V7_ENUM_MAPPINGS, V7_DEPENDENCIES, V7_DEPENDENTS, V7_IMPACT_SCORE, V7_REVIEW_STATUS, V7_REVIEWED_BY,
				V7_IMPLEMENTATION_STATUS, V7_TEST_STATUS, V7_RETIREMENT_DATE));
	}

}

package dev.devguide.cockpit.governance;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLString;

import dev.devguide.cockpit.graphql.Scalars;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLObjectType;
import java.util.List;

/**
 * The GraphQL types of metadata governance: standards, violations, their enums and
 * inputs.
 */
final class GovernanceTypes {

	static final String FIELD_PATHS = "A field path names one value of the JSON payload: object keys joined with "
			+ "'.', array elements as [i], e.g. created_at, metadata.created_at, items[0].updated_at. Only scalar "
			+ "values (strings, numbers, booleans) are checked, as their JSON text (strings without quotes); "
			+ "null values are skipped.";

	private GovernanceTypes() {
	}

	static List<GraphQLEnumType> enums() {
		return List.of(
				GraphQLEnumType.newEnum()
					.name("StandardCategory")
					.description("What a metadata standard governs.")
					.value("TEMPORAL", "temporal",
							"Timestamps (failures get a suggested UTC form where one can be computed).")
					.value("NOMENCLATURE", "nomenclature", "Names and identifiers.")
					.value("VERSIONING", "versioning", "Version numbers.")
					.value("NAMING", "naming",
							"Naming conventions of files, e.g. the V7 file names (nm-001-v7-file-name).")
					.build(),
				GraphQLEnumType.newEnum()
					.name("EnforcementLevel")
					.description("What a failure of a metadata standard does to a change in the Bin.")
					.value("ERROR", "error", "The change is rejected.")
					.value("WARNING", "warning", "Recorded as a violation; the change still validates.")
					.value("INFO", "info", "Recorded as a violation; the change still validates.")
					.build(),
				GraphQLEnumType.newEnum()
					.name("ViolationStatus")
					.description("Where a violation stands. open -> resolved or suppressed -> open.")
					.value("OPEN", "open", "Detected and not yet dealt with.")
					.value("RESOLVED", "resolved", "Fixed; resolvedBy and resolvedAt say who and when.")
					.value("SUPPRESSED", "suppressed", "Accepted as is; resolvedBy and resolvedAt say who and when.")
					.build());
	}

	static GraphQLObjectType standard() {
		return GraphQLObjectType.newObject()
			.name("MetadataStandard")
			.description("A metadata validation standard: the Bin checks every payload field that fieldPattern "
					+ "matches against patternRegex. " + FIELD_PATHS)
			.field(field("id", required(GraphQLID), "The standard's id."))
			.field(field("standardName", required(GraphQLString), "The standard's unique name."))
			.field(field("category", required(ref("StandardCategory")), "What the standard governs."))
			.field(field("patternRegex", required(GraphQLString),
					"An RE2 pattern each checked value must contain (RE2 find: anchor it with ^ and $ to match "
							+ "the whole value). Matching is linear in the value's length."))
			.field(field("fieldPattern", GraphQLString,
					"An RE2 pattern over field paths: the fields whose path it finds are checked. Null: the "
							+ "standard checks no field. The seed ts-001-zulu checks every key ending in _at: "
							+ "(^|\\.)[^.\\[\\]]*_at$."))
			.field(field("validationMessage", GraphQLString, "The message recorded for a failing value."))
			.field(field("enforcementLevel", required(ref("EnforcementLevel")), "What a failure does."))
			.field(field("active", required(GraphQLBoolean), "Whether the Bin applies the standard."))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When the standard was created."))
			.field(field("updatedAt", required(Scalars.DATE_TIME), "When the standard last changed."))
			.build();
	}

	static GraphQLObjectType violation() {
		return GraphQLObjectType.newObject()
			.name("MetadataViolation")
			.description("A value that failed a metadata standard, e.g. a field of a change in the Bin.")
			.field(field("id", required(GraphQLID), "The violation's id."))
			.field(field("standardId", required(GraphQLID), "The id of the standard that failed."))
			.field(field("resourceType", required(GraphQLString),
					"The kind of resource, e.g. sync_buffer for a change in the Bin."))
			.field(field("resourceId", required(GraphQLString), "The resource's id, e.g. the change's id."))
			.field(field("projectId", GraphQLID,
					"The project the violation belongs to (reads and changes are authorized through it)."))
			.field(field("violationValue", GraphQLString, "The offending value, as text."))
			.field(field("suggestedFix", GraphQLString,
					"A value that would pass, where one can be computed (temporal: the UTC ...Z form)."))
			.field(field("status", required(ref("ViolationStatus")), "Where the violation stands."))
			.field(field("detectedAt", required(Scalars.DATE_TIME), "When it was detected."))
			.field(field("resolvedAt", Scalars.DATE_TIME, "When it was resolved or suppressed; null while open."))
			.field(field("resolvedBy", GraphQLString, "Who last resolved, suppressed or reopened it."))
			.build();
	}

}

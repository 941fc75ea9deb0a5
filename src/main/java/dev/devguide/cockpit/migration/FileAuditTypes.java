package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Scalars;
import graphql.schema.GraphQLObjectType;

/** The GraphQL type of a file audit row. */
final class FileAuditTypes {

	private FileAuditTypes() {
	}

	static GraphQLObjectType fileAudit() {
		return GraphQLObjectType.newObject()
			.name("FileAudit")
			.description("One audited file of the code base and its V7 migration (file_audit). A V7 target name "
					+ "that does not follow WF<n>_V7_L<n>_<name>_<k>of<n>.py is an open metadata violation of "
					+ "nm-001-v7-file-name (resource type file_audit, resource id the row's id), resolved when the "
					+ "name is corrected or cleared.")
			.field(field("id", required(GraphQLID), "The row's id."))
			.field(field("filePath", required(GraphQLString), "The path from the repository root (unique)."))
			.field(field("fileName", required(GraphQLString), "The file's name."))
			.field(field("contentSha256", GraphQLString, "The hex SHA-256 of the content when audited."))
			.field(field("lastModifiedAt", Scalars.DATE_TIME, "When the file last changed."))
			.field(field("notes", GraphQLString, "Notes."))
			.field(field("v7WorkflowStatus", GraphQLString, "Where it stands in the V7 workflow."))
			.field(field("v7TargetName", GraphQLString, "The V7 name."))
			.field(field("v7DatabaseEnums", list(required(GraphQLString)), "The database ENUMs it uses."))
			.field(field("v7EnumMappings", Scalars.JSON, "Old ENUM to V7 ENUM mapping."))
			.field(field("v7Dependencies", list(required(GraphQLString)),
					"The directive's v7_dependencies (what files depend on this)."))
			.field(field("v7Dependents", list(required(GraphQLString)),
					"The directive's v7_dependents (what this depends on)."))
			.field(field("v7ImpactScore", GraphQLInt, "The risk score, 1 to 10."))
			.field(field("v7ReviewStatus", GraphQLString, "The review status."))
			.field(field("v7ReviewedBy", list(required(GraphQLString)), "Who reviewed it."))
			.field(field("v7ImplementationStatus", GraphQLString, "The implementation status."))
			.field(field("v7TestStatus", GraphQLString, "The test status."))
			.field(field("v7RetirementDate", GraphQLString, "When the old file retires (YYYY-MM-DD)."))
			.field(field("createdAt", Scalars.DATE_TIME, "When it was recorded."))
			.field(field("updatedAt", Scalars.DATE_TIME, "When it last changed."))
			.build();
	}

}

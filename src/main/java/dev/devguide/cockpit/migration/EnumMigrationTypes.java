package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Scalars;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLObjectType;

/** The GraphQL types of enum migrations. */
final class EnumMigrationTypes {

	private EnumMigrationTypes() {
	}

	static GraphQLEnumType status() {
		return GraphQLEnumType.newEnum()
			.name("EnumMigrationStatus")
			.description("Where an enum migration stands: PROPOSED -> APPROVED -> IMPLEMENTED -> VALIDATED -> "
					+ "RETIRED, and ROLLED_BACK from IMPLEMENTED or VALIDATED.")
			.value("PROPOSED", EnumMigration.PROPOSED, "Proposed; its fields can still change.")
			.value("APPROVED", EnumMigration.APPROVED, "Approved by an admin (approvedBy), with a rollback script.")
			.value("IMPLEMENTED", EnumMigration.IMPLEMENTED, "Implemented (implementedAt).")
			.value("VALIDATED", EnumMigration.VALIDATED, "Validated after implementation (validatedAt).")
			.value("RETIRED", EnumMigration.RETIRED, "The old ENUM is retired (retiredAt).")
			.value("ROLLED_BACK", EnumMigration.ROLLED_BACK, "Undone with its rollback script.")
			.build();
	}

	static GraphQLObjectType columns() {
		return GraphQLObjectType.newObject()
			.name("EnumMigrationColumns")
			.description("An affected table and its columns that use the ENUM (one entry of affected_columns).")
			.field(field("table", required(GraphQLString), "The table."))
			.field(field("columns", required(list(required(GraphQLString))), "Its columns that use the ENUM."))
			.build();
	}

	static GraphQLObjectType migration() {
		return GraphQLObjectType.newObject()
			.name("EnumMigration")
			.description("An ENUM consolidated into a V7 ENUM (v7_enum_migrations).")
			.field(field("id", required(GraphQLID), "The migration's id."))
			.field(field("currentEnumName", required(GraphQLString), "The ENUM as it is now."))
			.field(field("currentEnumValues", required(list(required(GraphQLString))), "Its values now."))
			.field(field("v7EnumName", required(GraphQLString), "The V7 ENUM."))
			.field(field("v7EnumValues", required(list(required(GraphQLString))), "The V7 ENUM's values."))
			.field(field("consolidatesWith", list(required(GraphQLString)), "Other ENUMs merged into it, if any."))
			.field(field("affectedTables", required(list(required(GraphQLString))), "The tables that use the ENUM."))
			.field(field("affectedColumns", required(list(required(ref("EnumMigrationColumns")))),
					"The columns of each affected table that use the ENUM ({table: [columns]} as a list)."))
			.field(field("migrationScript", GraphQLString, "The SQL that migrates the ENUM."))
			.field(field("rollbackScript", GraphQLString, "The SQL that undoes it."))
			.field(field("status", required(ref("EnumMigrationStatus")), "Where it stands."))
			.field(field("riskLevel", ref("RiskLevel"), "Its risk."))
			.field(field("approvedBy", GraphQLString, "The admin who approved it (token subject)."))
			.field(field("implementedAt", Scalars.DATE_TIME, "When it moved to IMPLEMENTED."))
			.field(field("validatedAt", Scalars.DATE_TIME, "When it moved to VALIDATED."))
			.field(field("retiredAt", Scalars.DATE_TIME, "When it moved to RETIRED."))
			.field(field("createdAt", Scalars.DATE_TIME, "When it was proposed."))
			.build();
	}

}

package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.graphql.FieldSpec.enumValue;
import static dev.devguide.cockpit.graphql.FieldSpec.id;
import static dev.devguide.cockpit.graphql.FieldSpec.longText;
import static dev.devguide.cockpit.graphql.FieldSpec.object;
import static dev.devguide.cockpit.graphql.FieldSpec.objectList;
import static dev.devguide.cockpit.graphql.FieldSpec.text;
import static dev.devguide.cockpit.graphql.FieldSpec.textList;
import static dev.devguide.cockpit.graphql.Sdl.inputObject;

import dev.devguide.cockpit.graphql.FieldSpec;
import graphql.schema.GraphQLInputObjectType;
import java.util.List;
import java.util.Map;

/** The arguments and input fields of enum migrations, with their limits. */
final class EnumMigrationInputs {

	static final FieldSpec<String> CURRENT_ENUM_NAME = text("currentEnumName", 100,
			"The ENUM as it is now (required on create).");

	static final FieldSpec<List<String>> CURRENT_ENUM_VALUES = textList("currentEnumValues", 500, 1_000,
			"Its values now (required on create).");

	static final FieldSpec<String> V7_ENUM_NAME = text("v7EnumName", 100, "The V7 ENUM (required on create).");

	static final FieldSpec<List<String>> V7_ENUM_VALUES = textList("v7EnumValues", 500, 1_000,
			"The V7 ENUM's values (required on create).");

	static final FieldSpec<List<String>> CONSOLIDATES_WITH = textList("consolidatesWith", 100, 100,
			"Other ENUMs merged into the V7 ENUM; null: none.");

	static final FieldSpec<List<String>> AFFECTED_TABLES = textList("affectedTables", 200, 100,
			"The tables that use the ENUM (required on create).");

	static final FieldSpec<List<Map<String, Object>>> AFFECTED_COLUMNS = objectList("affectedColumns",
			"EnumMigrationColumnsInput", 0, 200,
			"The columns of each affected table that use the ENUM, each table once and among affectedTables "
					+ "(required on create).");

	static final FieldSpec<String> TABLE = text("table", 100, "The table.");

	static final FieldSpec<List<String>> COLUMNS = textList("columns", 200, 64, "Its columns that use the ENUM.");

	static final FieldSpec<String> MIGRATION_SCRIPT = longText("migrationScript", "The SQL that migrates the ENUM.");

	static final FieldSpec<String> ROLLBACK_SCRIPT = longText("rollbackScript",
			"The SQL that undoes the migration (needed before approval).");

	static final FieldSpec<String> RISK_LEVEL = enumValue("riskLevel", "RiskLevel", "The risk of the migration.");

	static final FieldSpec<Map<String, Object>> INPUT = object("input", "EnumMigrationInput",
			"The fields to set; on update, omitted fields keep their value.")
		.nonNull();

	static final FieldSpec<String> ID = id("id", "The enum migration's id.").nonNull();

	static final FieldSpec<String> STATUS = enumValue("status", "EnumMigrationStatus", "The status to move to.")
		.nonNull();

	static final FieldSpec<String> STATUS_FILTER = enumValue("status", "EnumMigrationStatus",
			"Only migrations in this status.");

	static final FieldSpec<String> RISK_FILTER = RISK_LEVEL.describedAs("Only migrations of this risk.");

	private EnumMigrationInputs() {
	}

	static List<GraphQLInputObjectType> types() {
		return List.of(
				inputObject("EnumMigrationInput",
						"Fields of an enum migration. It is created PROPOSED; its fields can be changed only while "
								+ "it is PROPOSED (what is approved is what gets implemented).",
						CURRENT_ENUM_NAME, CURRENT_ENUM_VALUES, V7_ENUM_NAME, V7_ENUM_VALUES, CONSOLIDATES_WITH,
						AFFECTED_TABLES, AFFECTED_COLUMNS, MIGRATION_SCRIPT, ROLLBACK_SCRIPT, RISK_LEVEL),
				inputObject("EnumMigrationColumnsInput", "One affected table and its columns that use the ENUM.",
						TABLE.nonNull(), COLUMNS.nonNull()));
	}

}

package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static dev.devguide.cockpit.migration.EnumMigrationInputs.ID;
import static dev.devguide.cockpit.migration.EnumMigrationInputs.INPUT;
import static dev.devguide.cockpit.migration.EnumMigrationInputs.RISK_FILTER;
import static dev.devguide.cockpit.migration.EnumMigrationInputs.STATUS;
import static dev.devguide.cockpit.migration.EnumMigrationInputs.STATUS_FILTER;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import org.springframework.stereotype.Component;

/**
 * Enum migrations in GraphQL: {@code enumMigrations(status, riskLevel)}, create, update
 * (while PROPOSED) and the status moves.
 */
@Component
class EnumMigrationSchema implements SchemaContribution {

	private final EnumMigrationService migrations;

	EnumMigrationSchema(EnumMigrationService migrations) {
		this.migrations = migrations;
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.type(EnumMigrationTypes.status())
			.object(EnumMigrationTypes.columns(), EnumMigrationColumns.class)
			.object(EnumMigrationTypes.migration(), EnumMigration.class);
		EnumMigrationInputs.types().forEach(schema::type);
		schema.query(field("enumMigrations", required(list(required(ref("EnumMigration")))),
				"The enum migrations of a status and risk (both optional), newest first. Admins and the migration "
						+ "personas.",
				STATUS_FILTER.argument(), RISK_FILTER.argument()), env -> {
					Input arguments = Input.arguments(env);
					return migrations.list(arguments.optional(STATUS_FILTER), arguments.optional(RISK_FILTER));
				});
		schema.mutation(field("createEnumMigration", required(ref("EnumMigration")),
				"Proposes an enum migration (PROPOSED). Admins and the migration personas. An affectedColumns "
						+ "table not among affectedTables, or given twice, is a BAD_REQUEST naming it.",
				INPUT.argument()), env -> migrations.create(Input.arguments(env).object(INPUT)));
		schema.mutation(field("updateEnumMigration", required(ref("EnumMigration")),
				"Changes the given fields of a PROPOSED enum migration (omitted fields keep their value; null "
						+ "clears an optional one). Admins and the migration personas. Once approved nothing changes: "
						+ "any other status is a BAD_REQUEST naming it.",
				ID.argument(), INPUT.argument()), env -> {
					Input arguments = Input.arguments(env);
					return migrations.update(arguments.required(ID), arguments.object(INPUT));
				});
		schema.mutation(field("moveEnumMigration", required(ref("EnumMigration")),
				"Moves an enum migration: PROPOSED -> APPROVED (admins only; needs a rollbackScript, else a "
						+ "BAD_REQUEST naming rollbackScript; sets approvedBy) -> IMPLEMENTED (sets implementedAt) "
						+ "-> VALIDATED (validatedAt) -> RETIRED (retiredAt), and ROLLED_BACK from IMPLEMENTED or "
						+ "VALIDATED. Admins and the migration personas. Any other move is a BAD_REQUEST naming the "
						+ "current status, and nothing changes.",
				ID.argument(), STATUS.argument()), env -> {
					Input arguments = Input.arguments(env);
					return migrations.move(arguments.required(ID), arguments.required(STATUS));
				});
	}

}

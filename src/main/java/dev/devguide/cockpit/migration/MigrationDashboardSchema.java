package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLList.list;

import graphql.schema.GraphQLObjectType;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import org.springframework.stereotype.Component;

/**
 * {@code migrationDashboard}: the view {@code v7_migration_dashboard}, one row per phase,
 * read in one statement.
 */
@Component
class MigrationDashboardSchema implements SchemaContribution {

	private final MigrationDashboardRepository dashboard;

	MigrationDashboardSchema(MigrationDashboardRepository dashboard) {
		this.dashboard = dashboard;
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.object(row(), MigrationDashboard.class);
		schema.query(field("migrationDashboard", required(list(required(ref("MigrationDashboardRow")))),
				"The migration dashboard (the view v7_migration_dashboard), one row per phase by number, in one "
						+ "statement. Admins and the migration personas."),
				env -> MigrationAccess.reader().flatMap(caller -> dashboard.dashboard().collectList()));
	}

	private static GraphQLObjectType row() {
		return GraphQLObjectType.newObject()
			.name("MigrationDashboardRow")
			.description("One phase on the migration dashboard.")
			.field(field("phaseNumber", required(GraphQLInt), "The phase's number."))
			.field(field("phaseName", required(GraphQLString), "The phase's name."))
			.field(field("phaseStatus", required(GraphQLString), "The phase's status, e.g. in_progress."))
			.field(field("leadPersona", required(GraphQLString), "The persona leading it."))
			.field(field("totalTasks", required(GraphQLInt), "The phase's tasks."))
			.field(field("completedTasks", required(GraphQLInt), "Its completed tasks."))
			.field(field("migratedFiles", required(GraphQLInt),
					"Files of the file audit whose V7 workflow status is completed (the whole programme's: files "
							+ "have no phase)."))
			.field(field("enumMigrations", required(GraphQLInt),
					"Enum migrations past PROPOSED (the whole programme's: they have no phase)."))
			.field(field("highestRisk", ref("RiskLevel"),
					"The highest risk of the phase's approved impacts, by severity (LOW < MEDIUM < HIGH < "
							+ "CRITICAL); null when it has none."))
			.build();
	}

}

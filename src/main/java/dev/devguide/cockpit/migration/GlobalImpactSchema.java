package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.APPROVAL_STATUS;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.ID;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.INPUT;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.LAYER;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.PERSONA;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.PHASE;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.RISK;
import static dev.devguide.cockpit.migration.GlobalImpactInputs.WORKFLOW;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import org.springframework.stereotype.Component;

/**
 * Global impacts in GraphQL: {@code globalImpacts} by severity, create / review /
 * approve, and {@code MigrationPhase.impacts} through a DataLoader (the phase type is the
 * phases' contribution).
 */
@Component
class GlobalImpactSchema implements SchemaContribution {

	private static final String WHO = " Admins and the migration personas;";

	private final GlobalImpactService impacts;

	GlobalImpactSchema(GlobalImpactService impacts) {
		this.impacts = impacts;
	}

	@Override
	public void contribute(SchemaParts schema) {
		GlobalImpactTypes.enums().forEach(schema::type);
		schema.object(GlobalImpactTypes.impact(), GlobalImpact.class);
		GlobalImpactInputs.types().forEach(schema::type);
		schema.query(field("globalImpacts", required(list(required(ref("GlobalImpact")))),
				"The global impacts matching every filter given, by severity (CRITICAL, HIGH, MEDIUM, LOW: never "
						+ "alphabetically), then newest first. Admins and the migration personas.",
				RISK.argument(), APPROVAL_STATUS.argument(), WORKFLOW.argument(), LAYER.argument(), PHASE.argument()),
				env -> impacts.list(Input.arguments(env)));
		schema.relation("MigrationPhase", "impacts", required(list(required(ref("GlobalImpact")))),
				"The global impacts of this phase, by severity (highest first), then newest first.",
				GlobalImpactLoaders.PHASE_IMPACTS, MigrationPhase::phaseNumber);
		schema.mutation(field("createGlobalImpact", required(ref("GlobalImpact")),
				"Records a global impact, PENDING with no reviewers." + WHO
						+ " a phaseNumber that is no phase is a BAD_REQUEST naming input.phaseNumber.",
				INPUT.argument()), env -> impacts.create(Input.arguments(env).object(INPUT)));
		schema.mutation(field("reviewGlobalImpact", required(ref("GlobalImpact")),
				"Adds a persona to a PENDING impact's reviewedByPersonas (a persona already there is not added "
						+ "again)." + WHO + " an impact not PENDING is a BAD_REQUEST naming its status.",
				ID.argument(), PERSONA.argument()), env -> {
					Input arguments = Input.arguments(env);
					return impacts.review(arguments.required(ID), arguments);
				});
		schema.mutation(field("approveGlobalImpact", required(ref("GlobalImpact")),
				"Approves a PENDING impact (admins only: the Architect); any other status is a BAD_REQUEST naming it.",
				ID.argument()), env -> impacts.approve(Input.arguments(env).required(ID)));
	}

}

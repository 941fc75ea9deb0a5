package dev.devguide.cockpit.bin;

import static dev.devguide.cockpit.bin.BinInputs.CHANGE_TYPE;
import static dev.devguide.cockpit.bin.BinInputs.ID;
import static dev.devguide.cockpit.bin.BinInputs.PAYLOAD;
import static dev.devguide.cockpit.bin.BinInputs.PROJECT_ID;
import static dev.devguide.cockpit.bin.BinInputs.SOURCE_MODULE_ID;
import static dev.devguide.cockpit.bin.BinInputs.STATUS;
import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Connections;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import dev.devguide.cockpit.project.Project;
import dev.devguide.cockpit.project.ProjectLoaders;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The Bin in GraphQL: {@code syncChange}, {@code Project.syncBuffer}, the submit /
 * validate / propagate mutations and the relations of a change, each through a
 * DataLoader.
 */
@Component
class BinSchema implements SchemaContribution {

	private final BinService bin;

	BinSchema(BinService bin) {
		this.bin = bin;
	}

	@Override
	public void contribute(SchemaParts schema) {
		BinTypes.enums().forEach(schema::type);
		schema.object(BinTypes.change(), SyncChange.class)
			.object(BinTypes.propagation(), Propagation.class)
			.object(BinTypes.statusEvent(), SyncStatusEvent.class)
			.object(BinTypes.violationEvent(), ViolationDetectedEvent.class);
		Connections.define(schema, "SyncChange", "A page of changes in the Bin, newest first (then by id).");
		schema.query(field("syncChange", required(ref("SyncChange")), "One change in the Bin by id.", ID.argument()),
				env -> bin.get(Input.arguments(env).required(ID)));
		relations(schema);
		mutations(schema);
	}

	private static void relations(SchemaParts schema) {
		schema
			.pagedRelation("Project", "syncBuffer", "SyncChange", "The project's changes in the Bin, newest first.",
					List.of(STATUS), BinLoaders.SYNC_BUFFER,
					(Project project, Input arguments) -> new BinLoaders.SyncBufferPage(project.id(),
							arguments.optional(STATUS), Connections.first(arguments), Connections.after(arguments)))
			.relation("SyncChange", "project", required(ref("Project")), "The project the change belongs to.",
					ProjectLoaders.PROJECT, SyncChange::projectId)
			.relation("SyncChange", "sourceModule", ref("Module"),
					"The module the change came from, if it still exists.", ProjectLoaders.MODULE,
					SyncChange::sourceModuleId)
			.relation("SyncChange", "propagations", required(list(required(ref("Propagation")))),
					"One entry per affected dashboard once propagated, oldest first.", BinLoaders.PROPAGATIONS,
					SyncChange::id)
			.relation("Propagation", "affectedDashboard", ref("Dashboard"),
					"The dashboard it reached, if it still exists.", ProjectLoaders.DASHBOARD,
					Propagation::affectedDashboardId);
	}

	private void mutations(SchemaParts schema) {
		schema.mutation(
				field("submitChange", required(ref("SyncChange")),
						"Puts a change into the Bin as PENDING (the project's owner or an admin).",
						PROJECT_ID.argument(), CHANGE_TYPE.argument(), SOURCE_MODULE_ID.argument(), PAYLOAD.argument()),
				env -> bin.submit(Input.arguments(env)));
		schema.mutation(field("validateChange", required(ref("SyncChange")),
				"Validates a PENDING change: VALIDATED or REJECTED, with validationResults and a violation per "
						+ "failed standard check. " + BinTypes.VALIDATION
						+ " Any other status is a BAD_REQUEST naming it; of concurrent calls exactly one succeeds.",
				ID.argument()), env -> bin.validate(Input.arguments(env).required(ID)));
		schema.mutation(field("propagateChange", required(ref("SyncChange")),
				"Propagates a VALIDATED change: impactAnalysis, one Propagation per affected dashboard, "
						+ "PROPAGATED. " + BinTypes.IMPACT
						+ " Any other status is a BAD_REQUEST naming it; of concurrent calls exactly one succeeds.",
				ID.argument()), env -> bin.propagate(Input.arguments(env).required(ID)));
	}

}

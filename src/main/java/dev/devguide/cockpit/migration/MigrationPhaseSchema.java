package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static dev.devguide.cockpit.migration.MigrationPhaseInputs.NOTES;
import static dev.devguide.cockpit.migration.MigrationPhaseInputs.NUMBER;
import static dev.devguide.cockpit.migration.MigrationPhaseInputs.STATUS;
import static dev.devguide.cockpit.migration.MigrationPhaseInputs.UPDATE_INPUT;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Selection;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import org.springframework.stereotype.Component;

/**
 * The programme's phases in GraphQL: the {@code MigrationPhase} type and its status, the
 * list and one phase, the moves, the approval and the edits. Tasks are
 * {@link MigrationTaskSchema}'s.
 */
@Component
class MigrationPhaseSchema implements SchemaContribution {

	static final String READERS = " Admins and the migration role only (others: FORBIDDEN).";

	private final MigrationPhaseService phases;

	MigrationPhaseSchema(MigrationPhaseService phases) {
		this.phases = phases;
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.type(MigrationPhaseTypes.status()).object(MigrationPhaseTypes.phase(), MigrationPhase.class);
		MigrationPhaseInputs.types().forEach(schema::type);
		schema.query(field("migrationPhases", required(list(required(ref("MigrationPhase")))),
				"The seven phases of the V7 migration, by number." + READERS), env -> phases.all());
		schema.query(
				field("migrationPhase", required(ref("MigrationPhase")),
						"One phase by number; NOT_FOUND when there is none." + READERS, NUMBER.argument()),
				env -> phases.get(Input.arguments(env),
						number -> MigrationPhaseLoaders.BY_NUMBER.load(env, number, Selection.ALL)));
		schema.mutation(field("movePhase", required(ref("MigrationPhase")),
				"Moves a phase through the workflow (admins and the migration role): NOT_STARTED -> IN_PROGRESS -> "
						+ "REVIEW; BLOCKED from IN_PROGRESS or REVIEW and back to where it was; APPROVED -> "
						+ "COMPLETED, only when every task of the phase is completed (else a BAD_REQUEST on status "
						+ "saying how many are not, naming them); ROLLED_BACK from APPROVED or COMPLETED, then "
						+ "IN_PROGRESS again. REVIEW -> APPROVED is approvePhase. Any other move is a BAD_REQUEST on "
						+ "status naming the current status, and nothing changes. The first IN_PROGRESS sets "
						+ "startedAt (kept on re-entry), COMPLETED sets completedAt (a rollback clears it), REVIEW "
						+ "records the caller as reviewRequestedBy.",
				NUMBER.argument(), STATUS.argument()), env -> phases.move(Input.arguments(env)));
		schema.mutation(field("approvePhase", required(ref("MigrationPhase")),
				"Approves a phase in review (admins only: the Architect), recording approvedBy and approvalNotes; "
						+ "the phase becomes APPROVED. The admin who moved it to review cannot approve it "
						+ "(FORBIDDEN: the approval chain needs two people); a phase not in review is a BAD_REQUEST "
						+ "on number naming its status.",
				NUMBER.argument(), NOTES.argument()), env -> phases.approve(Input.arguments(env)));
		schema.mutation(field("updatePhase", required(ref("MigrationPhase")),
				"Edits a phase's name, lead persona, deliverables and blockers (admins and the migration role).",
				NUMBER.argument(), UPDATE_INPUT.argument()), env -> {
					Input arguments = Input.arguments(env);
					return phases.update(arguments, arguments.object(UPDATE_INPUT));
				});
	}

}

package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Scalars;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLObjectType;

/** The GraphQL types of the programme's phases: the phase and its status. */
final class MigrationPhaseTypes {

	private MigrationPhaseTypes() {
	}

	static GraphQLEnumType status() {
		return GraphQLEnumType.newEnum()
			.name("MigrationPhaseStatus")
			.description("Where a phase is in the workflow: NOT_STARTED -> IN_PROGRESS -> REVIEW -> APPROVED -> "
					+ "COMPLETED; BLOCKED from IN_PROGRESS or REVIEW and back; ROLLED_BACK from APPROVED or "
					+ "COMPLETED, and from there IN_PROGRESS again.")
			.value("NOT_STARTED", MigrationPhaseWorkflow.NOT_STARTED, "Not started yet (the seeded status).")
			.value("IN_PROGRESS", MigrationPhaseWorkflow.IN_PROGRESS, "Being worked on.")
			.value("REVIEW", MigrationPhaseWorkflow.REVIEW, "Waiting for an admin's approval.")
			.value("APPROVED", MigrationPhaseWorkflow.APPROVED, "Approved by an admin (approvePhase).")
			.value("COMPLETED", MigrationPhaseWorkflow.COMPLETED, "Done, with every task completed.")
			.value("BLOCKED", MigrationPhaseWorkflow.BLOCKED, "Stopped; returns to the status it was blocked from.")
			.value("ROLLED_BACK", MigrationPhaseWorkflow.ROLLED_BACK, "Undone after approval or completion.")
			.build();
	}

	static GraphQLObjectType phase() {
		return GraphQLObjectType.newObject()
			.name("MigrationPhase")
			.description("One of the seven phases of the V7 migration (a row of v7_migration_workflow). Read by "
					+ "admins and the migration role.")
			.field(field("id", required(GraphQLID), "The phase's id."))
			.field(field("phaseNumber", required(GraphQLInt), "The phase's number, 1 to 7."))
			.field(field("phaseName", required(GraphQLString), "The phase's name."))
			.field(field("status", required(ref("MigrationPhaseStatus")), "Where the phase is in the workflow."))
			.field(field("leadPersona", required(GraphQLString), "The persona leading it."))
			.field(field("startedAt", Scalars.DATE_TIME,
					"When it first moved to IN_PROGRESS (kept when it re-enters IN_PROGRESS)."))
			.field(field("completedAt", Scalars.DATE_TIME,
					"When it moved to COMPLETED; cleared when it is rolled back."))
			.field(field("approvalStatus", GraphQLString,
					"pending once in review, approved by approvePhase, revoked when rolled back; null before."))
			.field(field("approvedBy", GraphQLString, "The admin who approved it last."))
			.field(field("approvalNotes", GraphQLString, "The notes of the last approval."))
			.field(field("deliverables", required(list(required(GraphQLString))), "What the phase delivers."))
			.field(field("blockers", required(list(required(GraphQLString))), "What blocks it now."))
			.field(field("blockedFrom", ref("MigrationPhaseStatus"),
					"While BLOCKED: the status it returns to (IN_PROGRESS or REVIEW); else null."))
			.field(field("reviewRequestedBy", GraphQLString,
					"The user who moved it to review last; they may not approve it."))
			.field(field("createdAt", Scalars.DATE_TIME, "When the row was written."))
			.field(field("updatedAt", Scalars.DATE_TIME, "When the row last changed."))
			.build();
	}

}

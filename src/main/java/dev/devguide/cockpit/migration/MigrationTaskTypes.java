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

/** The GraphQL types of the phases' tasks: the task and its status. */
final class MigrationTaskTypes {

	private MigrationTaskTypes() {
	}

	static GraphQLEnumType status() {
		return GraphQLEnumType.newEnum()
			.name("MigrationTaskStatus")
			.description("Where a task is: PENDING -> IN_PROGRESS -> COMPLETED; PENDING and IN_PROGRESS may be "
					+ "BLOCKED, and a blocked task goes back to PENDING or IN_PROGRESS; IN_PROGRESS may go back to "
					+ "PENDING. COMPLETED is final. IN_PROGRESS and COMPLETED need every dependency completed.")
			.value("PENDING", MigrationTask.PENDING, "Not started (the column's default; also a NULL status).")
			.value("IN_PROGRESS", MigrationTask.IN_PROGRESS, "Being worked on.")
			.value("BLOCKED", MigrationTask.BLOCKED, "Stopped by a blocker.")
			.value("COMPLETED", MigrationTask.COMPLETED, "Done.")
			.build();
	}

	static GraphQLObjectType task() {
		return GraphQLObjectType.newObject()
			.name("MigrationTask")
			.description("A task of a phase (a row of v7_subworkflow_tasks), in a dependency graph: it starts only "
					+ "after the tasks it depends on are completed. Read by admins and the migration role.")
			.field(field("id", required(GraphQLID), "The task's id."))
			.field(field("parentPhase", GraphQLInt, "The number of its phase (see phase)."))
			.field(field("taskNumber", required(GraphQLInt), "Its number within the phase."))
			.field(field("taskName", required(GraphQLString), "What the task is."))
			.field(field("responsiblePersona", required(GraphQLString), "The persona responsible for it."))
			.field(field("status", required(ref("MigrationTaskStatus")), "Where the task is."))
			.field(field("dartTaskId", GraphQLString, "Its id in DART."))
			.field(field("dartTaskUrl", GraphQLString, "Its address in DART."))
			.field(field("startedAt", Scalars.DATE_TIME, "When it first moved to IN_PROGRESS."))
			.field(field("completedAt", Scalars.DATE_TIME, "When it was completed."))
			.field(field("blockers", required(list(required(GraphQLString))), "What blocks it."))
			.field(field("dependencyIds", required(list(required(GraphQLID))),
					"The ids of the tasks that must complete first (the dependencies column; see dependencies)."))
			.field(field("deliverableUrls", required(list(required(GraphQLString))), "Where its deliverables are."))
			.field(field("notes", GraphQLString, "Free notes."))
			.field(field("createdAt", Scalars.DATE_TIME, "When it was created."))
			.build();
	}

}

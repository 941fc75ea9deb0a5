package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static dev.devguide.cockpit.migration.MigrationPhaseSchema.READERS;
import static dev.devguide.cockpit.migration.MigrationTaskInputs.CREATE_INPUT;
import static dev.devguide.cockpit.migration.MigrationTaskInputs.ID;
import static dev.devguide.cockpit.migration.MigrationTaskInputs.PHASE;
import static dev.devguide.cockpit.migration.MigrationTaskInputs.STATUS;
import static dev.devguide.cockpit.migration.MigrationTaskInputs.UPDATE_INPUT;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import graphql.schema.GraphQLOutputType;
import org.springframework.stereotype.Component;

/**
 * The phases' tasks in GraphQL: the {@code MigrationTask} type and its status, one task,
 * creating, updating and moving, and the relations {@code MigrationPhase.tasks},
 * {@code MigrationTask.phase}, {@code dependencies} and {@code dependents}.
 */
@Component
class MigrationTaskSchema implements SchemaContribution {

	private final MigrationTaskService tasks;

	MigrationTaskSchema(MigrationTaskService tasks) {
		this.tasks = tasks;
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.type(MigrationTaskTypes.status()).object(MigrationTaskTypes.task(), MigrationTask.class);
		MigrationTaskInputs.types().forEach(schema::type);
		relations(schema);
		schema.query(
				field("migrationTask", required(ref("MigrationTask")),
						"One task by id; NOT_FOUND when there is none." + READERS, ID.argument()),
				env -> tasks.get(Input.arguments(env)));
		schema.mutation(field("createTask", required(ref("MigrationTask")),
				"Adds a pending task to a phase (admins and the migration role). A task number the phase already "
						+ "has is a BAD_REQUEST on input.taskNumber; a dependency that does not exist, is given "
						+ "twice or would make a cycle one on input.dependencies[i] (a cycle is named task by task); "
						+ "a completed phase takes no new task (BAD_REQUEST on phase). Nothing is written then.",
				PHASE.argument(), CREATE_INPUT.argument()), env -> {
					Input arguments = Input.arguments(env);
					return tasks.create(arguments, arguments.object(CREATE_INPUT));
				});
		schema.mutation(field("updateTask", required(ref("MigrationTask")),
				"Changes a task's fields (admins and the migration role), with createTask's checks; a task in "
						+ "progress or completed may only gain completed dependencies.",
				ID.argument(), UPDATE_INPUT.argument()), env -> {
					Input arguments = Input.arguments(env);
					return tasks.update(arguments, arguments.object(UPDATE_INPUT));
				});
		schema.mutation(field("moveTask", required(ref("MigrationTask")),
				"Moves a task (admins and the migration role): PENDING -> IN_PROGRESS -> COMPLETED, PENDING or "
						+ "IN_PROGRESS -> BLOCKED -> PENDING or IN_PROGRESS, IN_PROGRESS -> PENDING; COMPLETED is "
						+ "final. IN_PROGRESS and COMPLETED need every dependency completed (else a BAD_REQUEST on "
						+ "status naming those that are not); any other move is a BAD_REQUEST on status naming the "
						+ "current one. The first IN_PROGRESS sets startedAt, COMPLETED sets completedAt.",
				ID.argument(), STATUS.argument()), env -> tasks.move(Input.arguments(env)));
	}

	private static void relations(SchemaParts schema) {
		GraphQLOutputType taskList = required(list(required(ref("MigrationTask"))));
		schema.relation("MigrationPhase", "tasks", taskList, "The phase's tasks, by task number.",
				MigrationTaskLoaders.PHASE_TASKS, MigrationPhase::phaseNumber);
		schema.relation("MigrationTask", "phase", ref("MigrationPhase"), "The phase the task belongs to.",
				MigrationPhaseLoaders.BY_NUMBER, MigrationTask::parentPhase);
		schema.relation("MigrationTask", "dependencies", taskList,
				"The tasks that must complete before this one starts, in the order of dependencyIds.",
				MigrationTaskLoaders.DEPENDENCIES, MigrationTask::dependencies);
		schema.relation("MigrationTask", "dependents", taskList,
				"The tasks that depend on this one, by phase and task number.", MigrationTaskLoaders.DEPENDENTS,
				MigrationTask::id);
	}

}

package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.graphql.FieldSpec.enumValue;
import static dev.devguide.cockpit.graphql.FieldSpec.id;
import static dev.devguide.cockpit.graphql.FieldSpec.idList;
import static dev.devguide.cockpit.graphql.FieldSpec.integer;
import static dev.devguide.cockpit.graphql.FieldSpec.longText;
import static dev.devguide.cockpit.graphql.FieldSpec.object;
import static dev.devguide.cockpit.graphql.FieldSpec.text;
import static dev.devguide.cockpit.graphql.FieldSpec.textList;
import static dev.devguide.cockpit.graphql.Sdl.inputObject;
import static dev.devguide.cockpit.migration.MigrationPhaseInputs.ITEM_CHARACTERS;
import static dev.devguide.cockpit.migration.MigrationPhaseInputs.LIST_ITEMS;

import dev.devguide.cockpit.graphql.FieldSpec;
import graphql.schema.GraphQLInputObjectType;
import java.util.List;
import java.util.Map;

/** The arguments and input fields of the phases' tasks, with their limits. */
final class MigrationTaskInputs {

	/** How long a URL of a task may be (dart_task_url and deliverable_urls). */
	static final int URL_CHARACTERS = 2000;

	static final FieldSpec<String> ID = id("id", "The task's id.").nonNull();

	static final FieldSpec<Integer> PHASE = integer("phase", 1, "The number of the phase the task belongs to.")
		.nonNull();

	static final FieldSpec<String> STATUS = enumValue("status", "MigrationTaskStatus",
			"The status to move the task to.")
		.nonNull();

	static final FieldSpec<Integer> TASK_NUMBER = integer("taskNumber", 1,
			"The task's number within its phase, unique there.");

	static final FieldSpec<String> TASK_NAME = text("taskName", 200, "What the task is.");

	static final FieldSpec<String> RESPONSIBLE_PERSONA = text("responsiblePersona", 100,
			"The persona responsible for it, e.g. DB Team Lead.");

	static final FieldSpec<String> DART_TASK_ID = text("dartTaskId", 100, "The task's id in DART; null clears it.");

	static final FieldSpec<String> DART_TASK_URL = text("dartTaskUrl", URL_CHARACTERS,
			"The task's address in DART; null clears it.");

	static final FieldSpec<List<String>> BLOCKERS = textList("blockers", LIST_ITEMS, ITEM_CHARACTERS,
			"What blocks the task; replaces the whole list.");

	static final FieldSpec<List<String>> DEPENDENCIES = idList("dependencies", LIST_ITEMS,
			"The ids of the tasks (of any phase) that must complete before this one starts; replaces the whole "
					+ "list. An unknown id, one given twice, or one that would make a cycle is a BAD_REQUEST naming "
					+ "input.dependencies[i].");

	static final FieldSpec<List<String>> DELIVERABLE_URLS = textList("deliverableUrls", LIST_ITEMS, URL_CHARACTERS,
			"Where the task's deliverables are; replaces the whole list.");

	static final FieldSpec<String> NOTES = longText("notes", "Free notes; null clears them.");

	static final FieldSpec<Map<String, Object>> CREATE_INPUT = object("input", "CreateMigrationTaskInput",
			"The new task.")
		.nonNull();

	static final FieldSpec<Map<String, Object>> UPDATE_INPUT = object("input", "UpdateMigrationTaskInput",
			"The fields to change.")
		.nonNull();

	private MigrationTaskInputs() {
	}

	static List<GraphQLInputObjectType> types() {
		return List.of(
				inputObject("CreateMigrationTaskInput", "A new task of a phase; it starts pending.",
						TASK_NUMBER.nonNull(), TASK_NAME.nonNull(), RESPONSIBLE_PERSONA.nonNull(), DART_TASK_ID,
						DART_TASK_URL, BLOCKERS, DEPENDENCIES, DELIVERABLE_URLS, NOTES),
				inputObject("UpdateMigrationTaskInput",
						"The fields of a task to change; omitted fields keep their value. The phase does not change; "
								+ "the status changes only through moveTask.",
						TASK_NUMBER, TASK_NAME, RESPONSIBLE_PERSONA, DART_TASK_ID, DART_TASK_URL, BLOCKERS,
						DEPENDENCIES, DELIVERABLE_URLS, NOTES));
	}

}

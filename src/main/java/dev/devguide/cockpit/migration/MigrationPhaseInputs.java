package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.graphql.FieldSpec.enumValue;
import static dev.devguide.cockpit.graphql.FieldSpec.integer;
import static dev.devguide.cockpit.graphql.FieldSpec.longText;
import static dev.devguide.cockpit.graphql.FieldSpec.object;
import static dev.devguide.cockpit.graphql.FieldSpec.text;
import static dev.devguide.cockpit.graphql.FieldSpec.textList;
import static dev.devguide.cockpit.graphql.Sdl.inputObject;

import dev.devguide.cockpit.graphql.FieldSpec;
import graphql.schema.GraphQLInputObjectType;
import java.util.List;
import java.util.Map;

/**
 * The arguments and input fields of the programme's phases, with their limits (the
 * columns' sizes; the JSON lists' limits are the API's).
 */
final class MigrationPhaseInputs {

	/** How many items a JSON list of a phase or a task may hold. */
	static final int LIST_ITEMS = 100;

	/** How long one item of such a list may be. */
	static final int ITEM_CHARACTERS = 500;

	static final FieldSpec<Integer> NUMBER = integer("number", 1, "The phase's number (the seeded phases are 1 to 7).")
		.nonNull();

	static final FieldSpec<String> STATUS = enumValue("status", "MigrationPhaseStatus",
			"The status to move the phase to.")
		.nonNull();

	static final FieldSpec<String> NOTES = longText("notes",
			"The Architect's written approval: what was reviewed and on what terms it is approved.")
		.nonNull();

	static final FieldSpec<String> PHASE_NAME = text("phaseName", 100, "The phase's name.");

	static final FieldSpec<String> LEAD_PERSONA = text("leadPersona", 100,
			"The persona leading the phase, e.g. The Architect.");

	static final FieldSpec<List<String>> DELIVERABLES = textList("deliverables", LIST_ITEMS, ITEM_CHARACTERS,
			"What the phase delivers; replaces the whole list.");

	static final FieldSpec<List<String>> BLOCKERS = textList("blockers", LIST_ITEMS, ITEM_CHARACTERS,
			"What blocks the phase now; replaces the whole list (empty: nothing).");

	static final FieldSpec<Map<String, Object>> UPDATE_INPUT = object("input", "UpdateMigrationPhaseInput",
			"The fields to change.")
		.nonNull();

	private MigrationPhaseInputs() {
	}

	static List<GraphQLInputObjectType> types() {
		return List.of(inputObject("UpdateMigrationPhaseInput",
				"The fields of a phase to change; omitted fields keep their value. The status changes only through "
						+ "movePhase and approvePhase.",
				PHASE_NAME, LEAD_PERSONA, DELIVERABLES, BLOCKERS));
	}

}

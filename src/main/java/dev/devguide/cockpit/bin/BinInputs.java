package dev.devguide.cockpit.bin;

import static dev.devguide.cockpit.graphql.FieldSpec.enumList;
import static dev.devguide.cockpit.graphql.FieldSpec.enumValue;
import static dev.devguide.cockpit.graphql.FieldSpec.id;
import static dev.devguide.cockpit.graphql.FieldSpec.idList;
import static dev.devguide.cockpit.graphql.FieldSpec.jsonObject;
import static dev.devguide.cockpit.graphql.FieldSpec.text;
import static dev.devguide.cockpit.graphql.FieldSpec.token;

import dev.devguide.cockpit.graphql.FieldSpec;
import java.util.List;
import java.util.Map;

/**
 * The arguments of the Bin's queries, mutations and subscriptions, each with its limit.
 */
final class BinInputs {

	private static final String AFTER_EVENT = "Resume right after this event cursor (an earlier event's `cursor`): "
			+ "every matching event since then is delivered first, then live ones. Without it, only events "
			+ "committed from now on.";

	static final FieldSpec<String> ID = id("id", "The change's id.").nonNull();

	static final FieldSpec<String> PROJECT_ID = id("projectId", "The project the change belongs to.").nonNull();

	static final FieldSpec<String> CHANGE_TYPE = text("changeType", 100, "What kind of change it is.").nonNull();

	static final FieldSpec<String> SOURCE_MODULE_ID = id("sourceModuleId",
			"The module it came from; must be a module of the project (else BAD_REQUEST).");

	static final FieldSpec<Map<String, Object>> PAYLOAD = jsonObject("payload", "The change.").nonNull();

	static final FieldSpec<String> STATUS = enumValue("status", "SyncStatus", "Only changes in this status.");

	static final FieldSpec<String> SUBSCRIBED_PROJECT = id("projectId",
			"The project (the caller must own it or be an admin; else NOT_FOUND, as for one that does not exist).")
		.nonNull();

	static final FieldSpec<List<String>> STATUSES = enumList("statuses", "SyncStatus",
			"Only events whose newStatus is one of these (default: all).");

	static final FieldSpec<List<String>> STANDARD_IDS = idList("standardIds", "Only violations of these standards.");

	static final FieldSpec<List<String>> ENFORCEMENT_LEVELS = enumList("enforcementLevels", "EnforcementLevel",
			"Only violations of standards at these levels.");

	static final FieldSpec<String> AFTER = token("after", 20, AFTER_EVENT);

	private BinInputs() {
	}

}

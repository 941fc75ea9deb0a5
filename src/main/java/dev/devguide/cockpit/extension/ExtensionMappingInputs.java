package dev.devguide.cockpit.extension;

import static dev.devguide.cockpit.graphql.FieldSpec.bool;
import static dev.devguide.cockpit.graphql.FieldSpec.id;
import static dev.devguide.cockpit.graphql.FieldSpec.integer;
import static dev.devguide.cockpit.graphql.FieldSpec.jsonObject;
import static dev.devguide.cockpit.graphql.FieldSpec.object;
import static dev.devguide.cockpit.graphql.Sdl.inputObject;

import dev.devguide.cockpit.graphql.FieldSpec;
import graphql.schema.GraphQLInputObjectType;
import java.util.List;
import java.util.Map;

/** The arguments and input fields of installing, changing and applying extensions. */
final class ExtensionMappingInputs {

	static final FieldSpec<Map<String, Object>> CUSTOM_CONFIG = jsonObject("customConfig",
			"The project's overrides, merged into the extension dashboard's config as a JSON Merge Patch (RFC 7386): "
					+ "objects merge key by key, null removes a key, any other value (arrays too) replaces it. Null: "
					+ "no overrides.");

	static final FieldSpec<Boolean> ENABLED = bool("enabled", "Whether the extension is used (default true).");

	static final FieldSpec<Integer> INSERT_AT = integer("position", 0,
			"Where the extension goes among the project's (0 is first); default: after the last for a new "
					+ "mapping, where it is for a switched one.");

	static final FieldSpec<Integer> POSITION = integer("position", 0,
			"The new position, 0 for first; past the end means last.")
		.nonNull();

	static final FieldSpec<Map<String, Object>> INSTALL_INPUT = object("input", "ExtensionInstallInput",
			"How the project uses the extension; omitted fields keep their value on a switch.");

	static final FieldSpec<Map<String, Object>> UPDATE_INPUT = object("input", "ExtensionMappingInput",
			"The fields to change.")
		.nonNull();

	static final FieldSpec<String> PROJECT_ID = id("projectId", "The project to install it into.").nonNull();

	static final FieldSpec<String> EXTENSION_DASHBOARD_ID = id("extensionDashboardId",
			"The extension dashboard to install (approved, or the caller's own).")
		.nonNull();

	static final FieldSpec<String> ID = id("id", "The installed extension's (mapping's) id.").nonNull();

	static final FieldSpec<String> MAPPING_ID = id("mappingId", "The installed extension's (mapping's) id.").nonNull();

	static final FieldSpec<String> PROFILE_ID = id("profileId", "A profile of the mapping's project.").nonNull();

	private ExtensionMappingInputs() {
	}

	static List<GraphQLInputObjectType> types() {
		return List.of(
				inputObject("ExtensionInstallInput",
						"How a project uses an extension dashboard it installs. When the project already has a "
								+ "dashboard of the same extension, the mapping switches to this one and omitted "
								+ "fields keep their value.",
						CUSTOM_CONFIG, INSERT_AT, ENABLED),
				inputObject("ExtensionMappingInput",
						"Fields of an installed extension. Omitted fields keep their value; customConfig null "
								+ "removes the overrides.",
						CUSTOM_CONFIG, ENABLED));
	}

}

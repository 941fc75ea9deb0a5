package dev.devguide.cockpit.extension;

import static dev.devguide.cockpit.graphql.FieldSpec.bool;
import static dev.devguide.cockpit.graphql.FieldSpec.enumValue;
import static dev.devguide.cockpit.graphql.FieldSpec.id;
import static dev.devguide.cockpit.graphql.FieldSpec.jsonObject;
import static dev.devguide.cockpit.graphql.FieldSpec.longText;
import static dev.devguide.cockpit.graphql.FieldSpec.object;
import static dev.devguide.cockpit.graphql.FieldSpec.text;
import static dev.devguide.cockpit.graphql.Sdl.inputObject;

import dev.devguide.cockpit.graphql.FieldSpec;
import graphql.schema.GraphQLInputObjectType;
import java.util.List;
import java.util.Map;

/**
 * The arguments and input fields of extension dashboards and their versions, with their
 * limits (the columns' sizes).
 */
final class ExtensionDashboardInputs {

	static final String CONFIG_RULES = "A JSON object that must fit the committed JSON Schema "
			+ "extension/dashboard-config.schema.json: {name, description?, layout: {...}, modules: [{type, name, "
			+ "configuration: {...}, position >= 0}] (at most 100)}; a config that does not fit is a BAD_REQUEST "
			+ "naming the JSON path at fault, e.g. input.config.modules[2].type, and nothing is written.";

	static final String VERSION_RULES = "A SemVer 2.0 version (MAJOR.MINOR.PATCH, optional -prerelease and +build, "
			+ "no leading v), greater than every version the dashboard already has (build metadata does not count).";

	static final FieldSpec<String> ID = id("id", "The extension dashboard's id.").nonNull();

	static final FieldSpec<String> EXTENSION_ID = text("extensionId", 255,
			"The VS Code extension's identifier, e.g. publisher.extension.")
		.nonNull();

	static final FieldSpec<String> DASHBOARD_ID = text("dashboardId", 255,
			"The extension's internal identifier of this dashboard.")
		.nonNull();

	static final FieldSpec<String> NAME = text("name", 255, "The dashboard template's name in the repository.");

	static final FieldSpec<String> DESCRIPTION = longText("description",
			"What the dashboard template is for; null clears it on update.");

	static final FieldSpec<Map<String, Object>> CONFIG = jsonObject("config",
			"The dashboard's configuration. " + CONFIG_RULES)
		.nonNull();

	static final FieldSpec<String> FIRST_VERSION = text("version", 50,
			"The first version (default 1.0.0). " + VERSION_RULES);

	static final FieldSpec<String> CHANGELOG = longText("changelog", "What this version changes.");

	static final FieldSpec<Map<String, Object>> PUBLISH_INPUT = object("input", "PublishExtensionDashboardInput",
			"The dashboard template and its first version.")
		.nonNull();

	static final FieldSpec<Map<String, Object>> UPDATE_INPUT = object("input", "UpdateExtensionDashboardInput",
			"The fields to change.")
		.nonNull();

	static final FieldSpec<String> FILTER_EXTENSION_ID = text("extensionId", 255, "Only dashboards of this extension.");

	static final FieldSpec<Boolean> FILTER_APPROVED = bool("approved",
			"Only approved (true) or unapproved (false) dashboards; a user's unapproved ones are their own.");

	static final FieldSpec<String> SEARCH = text("search", 255,
			"Only dashboards whose name or description contains this text (any case; % and _ are literal).");

	static final FieldSpec<Map<String, Object>> FILTER = object("filter", "ExtensionDashboardFilter",
			"Only dashboards matching all of these conditions.");

	static final FieldSpec<String> ORDER_BY = enumValue("orderBy", "ExtensionDashboardOrder",
			"The order of the list (default DOWNLOADS).");

	static final FieldSpec<String> VERSIONED_ID = id("extensionDashboardId", "The extension dashboard's id.").nonNull();

	static final FieldSpec<String> VERSION = text("version", 50, "The new version. " + VERSION_RULES).nonNull();

	static final FieldSpec<String> ROLLBACK_VERSION = text("version", 50,
			"The existing version whose config becomes current again.")
		.nonNull();

	private ExtensionDashboardInputs() {
	}

	static List<GraphQLInputObjectType> types() {
		return List.of(
				inputObject("PublishExtensionDashboardInput",
						"A new dashboard template for the community repository, with its first version.", EXTENSION_ID,
						DASHBOARD_ID, NAME.nonNull(), DESCRIPTION, CONFIG, FIRST_VERSION, CHANGELOG),
				inputObject("UpdateExtensionDashboardInput",
						"The fields of an extension dashboard to change; omitted fields keep their value. The config "
								+ "changes only through publishExtensionVersion and rollbackExtensionDashboard.",
						NAME, DESCRIPTION),
				inputObject("ExtensionDashboardFilter", "Conditions on the extension dashboards listed.",
						FILTER_EXTENSION_ID, FILTER_APPROVED, SEARCH));
	}

}

package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.graphql.FieldSpec.id;
import static dev.devguide.cockpit.graphql.FieldSpec.integer;
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
 * The arguments and input fields of the hierarchy, each with its limit: the one
 * declaration that the input types' descriptions and the services' checks share.
 */
final class ProjectInputs {

	static final FieldSpec<String> NAME = text("name", 255, "The name (required on create).");

	static final FieldSpec<String> PROJECT_DESCRIPTION = longText("description", "What the project is about.");

	static final FieldSpec<String> WORKFLOW_TEMPLATE = text("workflowTemplate", 100, "The workflow template.");

	static final FieldSpec<String> GIT_REPOSITORY = text("gitRepository", 500, "The git repository URL.");

	static final FieldSpec<String> OWNER = text("ownerUserId", 255,
			"Create only: the owner, if not the caller (admins only).");

	static final FieldSpec<String> PROFILE_DESCRIPTION = PROJECT_DESCRIPTION.describedAs("What the profile is for.");

	static final FieldSpec<String> DASHBOARD_DESCRIPTION = PROJECT_DESCRIPTION.describedAs("What the dashboard shows.");

	static final FieldSpec<String> TEMPLATE_ID = id("templateId", 36, "An existing template's id, or null for none.");

	static final FieldSpec<Map<String, Object>> LAYOUT = jsonObject("layout", "The layout (required on create).");

	static final FieldSpec<Integer> INSERT_AT = integer("position", 0,
			"Create only: where to insert (0 is first); default is after the last.");

	static final FieldSpec<String> MODULE_TYPE = text("moduleType", 100, "The kind of module (required on create).");

	static final FieldSpec<Map<String, Object>> CONFIGURATION = jsonObject("configuration",
			"The configuration (required on create).");

	static final FieldSpec<String> FILTER_OWNER = OWNER
		.describedAs("Only projects of this owner (admins; others see their own).");

	static final FieldSpec<String> FILTER_WORKFLOW = WORKFLOW_TEMPLATE
		.describedAs("Only projects with this workflow template.");

	static final FieldSpec<String> NAME_CONTAINS = text("nameContains", 255,
			"Only projects whose name contains this text (any case).");

	static final FieldSpec<Map<String, Object>> FILTER = object("filter", "ProjectFilter",
			"Only projects matching all of these conditions.");

	static final FieldSpec<String> ID = id("id", "The id.").nonNull();

	static final FieldSpec<String> PROJECT_ID = id("projectId", "The project to add it to.").nonNull();

	static final FieldSpec<String> PROFILE_ID = id("profileId", "The profile.").nonNull();

	static final FieldSpec<String> DASHBOARD_ID = id("dashboardId", "The dashboard to add it to.").nonNull();

	static final FieldSpec<String> ACTIVE_DASHBOARD_ID = id("dashboardId",
			"A dashboard of that profile, or null for none.");

	static final FieldSpec<String> MODULE_ID = id("moduleId", "The module.").nonNull();

	static final FieldSpec<Integer> POSITION = integer("position", 0,
			"The new position, 0 for first; past the end means last.")
		.nonNull();

	static final FieldSpec<Integer> VERSION = integer("version", 1,
			"The number of the version to restore (a versionNumber of the resource's versions).")
		.nonNull();

	static final FieldSpec<String> CAPABILITY_TYPE = text("capabilityType", 100,
			"The capability, e.g. file_write, git_commit.")
		.nonNull();

	static final FieldSpec<String> JUSTIFICATION = longText("justification", "Why; kept with the capability.");

	private ProjectInputs() {
	}

	/** The {@code input} argument of type {@code inputType}. */
	static FieldSpec<Map<String, Object>> input(String inputType) {
		return object("input", inputType, "The fields to set.").nonNull();
	}

	static List<GraphQLInputObjectType> types() {
		return List.of(
				inputObject("ProjectFilter", "Narrows the projects connection; all given conditions must hold.",
						FILTER_OWNER, FILTER_WORKFLOW, NAME_CONTAINS),
				inputObject("ProjectInput",
						"Fields of a project. On update, omitted fields keep their value; null clears.", NAME,
						PROJECT_DESCRIPTION, WORKFLOW_TEMPLATE, GIT_REPOSITORY, OWNER),
				inputObject("ProfileInput", "Fields of a profile. On update, omitted fields keep their value.", NAME,
						PROFILE_DESCRIPTION),
				inputObject("DashboardInput", "Fields of a dashboard. On update, omitted fields keep their value.",
						NAME, DASHBOARD_DESCRIPTION, TEMPLATE_ID, LAYOUT, INSERT_AT),
				inputObject("ModuleInput", "Fields of a module. On update, omitted fields keep their value.",
						MODULE_TYPE, NAME, CONFIGURATION, INSERT_AT));
	}

}

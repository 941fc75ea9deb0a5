package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static dev.devguide.cockpit.project.ProjectInputs.ACTIVE_DASHBOARD_ID;
import static dev.devguide.cockpit.project.ProjectInputs.CAPABILITY_TYPE;
import static dev.devguide.cockpit.project.ProjectInputs.DASHBOARD_ID;
import static dev.devguide.cockpit.project.ProjectInputs.JUSTIFICATION;
import static dev.devguide.cockpit.project.ProjectInputs.MODULE_ID;
import static dev.devguide.cockpit.project.ProjectInputs.POSITION;
import static dev.devguide.cockpit.project.ProjectInputs.PROFILE_ID;
import static dev.devguide.cockpit.project.ProjectInputs.PROJECT_ID;
import static dev.devguide.cockpit.project.ProjectInputs.VERSION;
import static dev.devguide.cockpit.project.ProjectInputs.input;
import static graphql.Scalars.GraphQLID;

import dev.devguide.cockpit.graphql.FieldSpec;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLOutputType;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;

/**
 * The hierarchy's mutations. Each runs in one transaction with its audit row; deletes
 * return the deleted id. Every argument is read through its {@link ProjectInputs} spec.
 */
@Component
class ProjectMutations implements SchemaContribution {

	private static final FieldSpec<String> ID = FieldSpec.id("id", "The id.").nonNull();

	private final ProjectService projects;

	private final ProfileService profiles;

	private final DashboardService dashboards;

	private final ModuleService modules;

	ProjectMutations(ProjectService projects, ProfileService profiles, DashboardService dashboards,
			ModuleService modules) {
		this.projects = projects;
		this.profiles = profiles;
		this.dashboards = dashboards;
		this.modules = modules;
	}

	@Override
	public void contribute(SchemaParts schema) {
		FieldSpec<Map<String, Object>> project = input("ProjectInput");
		schema.mutation(
				field("createProject", type("Project"), "Creates a project owned by the caller.", project.argument()),
				env -> projects.create(Input.arguments(env).object(project)));
		schema.mutation(field("updateProject", type("Project"), "Changes the given fields of a project.", id("project"),
				project.argument()), withId(project, projects::update));
		schema.mutation(field("deleteProject", required(GraphQLID),
				"Deletes a project with its profiles, dashboards, modules, guardrails and everything else under it.",
				id("project")), env -> projects.delete(Input.arguments(env).required(ID)));
		profileMutations(schema);
		dashboardMutations(schema);
		moduleMutations(schema);
	}

	private void profileMutations(SchemaParts schema) {
		FieldSpec<Map<String, Object>> profile = input("ProfileInput");
		schema.mutation(field("createProfile", type("Profile"), "Adds a profile to a project.", PROJECT_ID.argument(),
				profile.argument()), env -> {
					Input arguments = Input.arguments(env);
					return profiles.create(arguments.required(PROJECT_ID), arguments.object(profile));
				});
		schema.mutation(field("updateProfile", type("Profile"), "Changes the given fields of a profile.", id("profile"),
				profile.argument()), withId(profile, profiles::update));
		schema.mutation(
				field("deleteProfile", required(GraphQLID),
						"Deletes a profile with its dashboards, modules and capabilities.", id("profile")),
				env -> profiles.delete(Input.arguments(env).required(ID)));
		schema.mutation(field("setActiveDashboard", type("Profile"),
				"Makes one of the profile's dashboards its single active screen (null clears it).",
				PROFILE_ID.argument(), ACTIVE_DASHBOARD_ID.argument()), env -> {
					Input arguments = Input.arguments(env);
					return profiles.setActiveDashboard(arguments.required(PROFILE_ID),
							arguments.optional(ACTIVE_DASHBOARD_ID));
				});
	}

	private void dashboardMutations(SchemaParts schema) {
		FieldSpec<Map<String, Object>> dashboard = input("DashboardInput");
		FieldSpec<String> profileId = PROFILE_ID.describedAs("The profile to add it to.");
		schema.mutation(field("createDashboard", type("Dashboard"), "Adds a dashboard to a profile.",
				profileId.argument(), dashboard.argument()), env -> {
					Input arguments = Input.arguments(env);
					return dashboards.create(arguments.required(profileId), arguments.object(dashboard));
				});
		schema.mutation(field("updateDashboard", type("Dashboard"),
				"Changes the given fields of a dashboard and records a new version in the version history.",
				id("dashboard"), dashboard.argument()), withId(dashboard, dashboards::update));
		schema.mutation(
				field("moveDashboard", type("Dashboard"),
						"Moves a dashboard to a position among its profile's dashboards; the others close up.",
						id("dashboard"), POSITION.argument()),
				env -> dashboards.move(Input.arguments(env).required(ID), Input.arguments(env)));
		schema.mutation(field("restoreDashboardVersion", type("Dashboard"),
				"Makes an earlier version of a dashboard current (its name, description and layout; the template "
						+ "link and position stay) and records that as a new version. An unknown version is a "
						+ "BAD_REQUEST naming version.",
				id("dashboard"), VERSION.argument()),
				env -> dashboards.restore(Input.arguments(env).required(ID), Input.arguments(env)));
		schema
			.mutation(
					field("deleteDashboard", required(GraphQLID),
							"Deletes a dashboard with its modules and capabilities.", id("dashboard")),
					env -> dashboards.delete(Input.arguments(env).required(ID)));
	}

	private void moduleMutations(SchemaParts schema) {
		FieldSpec<Map<String, Object>> module = input("ModuleInput");
		schema.mutation(field("createModule", type("Module"), "Adds a module to a dashboard.", DASHBOARD_ID.argument(),
				module.argument()), env -> {
					Input arguments = Input.arguments(env);
					return modules.create(arguments.required(DASHBOARD_ID), arguments.object(module));
				});
		schema.mutation(field("updateModule", type("Module"),
				"Changes the given fields of a module and records a new version in the version history.", id("module"),
				module.argument()), withId(module, modules::update));
		schema.mutation(
				field("moveModule", type("Module"),
						"Moves a module to a position among its dashboard's modules; the others close up.",
						id("module"), POSITION.argument()),
				env -> modules.move(Input.arguments(env).required(ID), Input.arguments(env)));
		schema.mutation(field("restoreModuleVersion", type("Module"),
				"Makes an earlier version of a module current (its type, name and configuration; the position "
						+ "stays) and records that as a new version. An unknown version is a BAD_REQUEST naming "
						+ "version.",
				id("module"), VERSION.argument()),
				env -> modules.restore(Input.arguments(env).required(ID), Input.arguments(env)));
		schema.mutation(
				field("deleteModule", required(GraphQLID), "Deletes a module with its capabilities.", id("module")),
				env -> modules.delete(Input.arguments(env).required(ID)));
		schema.mutation(
				field("grantCapability", type("Capability"),
						"Grants a module a capability (sets grantedAt, clears revokedAt).", MODULE_ID.argument(),
						CAPABILITY_TYPE.argument(), JUSTIFICATION.argument()),
				env -> modules.grant(Input.arguments(env).required(MODULE_ID), Input.arguments(env)));
		schema.mutation(
				field("revokeCapability", type("Capability"), "Revokes a capability the module holds (sets revokedAt).",
						MODULE_ID.argument(), CAPABILITY_TYPE.argument(), JUSTIFICATION.argument()),
				env -> modules.revoke(Input.arguments(env).required(MODULE_ID), Input.arguments(env)));
	}

	/** A fetcher passing the checked {@code id} and the {@code input} object. */
	private static DataFetcher<?> withId(FieldSpec<Map<String, Object>> input,
			BiFunction<String, Input, Object> mutation) {
		return env -> {
			Input arguments = Input.arguments(env);
			return mutation.apply(arguments.required(ID), arguments.object(input));
		};
	}

	private static GraphQLArgument id(String what) {
		return ID.describedAs("The " + what + "'s id.").argument();
	}

	private static GraphQLOutputType type(String name) {
		return required(ref(name));
	}

}

package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.graphql.Sdl.arg;
import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;

import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;
import org.springframework.stereotype.Component;

/**
 * The hierarchy's mutations. Each runs in one transaction with its audit row; deletes
 * return the deleted id.
 */
@Component
class ProjectMutations implements SchemaContribution {

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
		schema.mutation(field("createProject", required(ref("Project")), "Creates a project owned by the caller.",
				inputArg("ProjectInput")), env -> projects.create(input(env)));
		schema.mutation(field("updateProject", required(ref("Project")), "Changes the given fields of a project.",
				id("project"), inputArg("ProjectInput")), env -> projects.update(id(env), input(env)));
		schema.mutation(field("deleteProject", required(GraphQLID),
				"Deletes a project with its profiles, dashboards, modules, guardrails and everything else under it.",
				id("project")), env -> projects.delete(id(env)));
		profileMutations(schema);
		dashboardMutations(schema);
		moduleMutations(schema);
	}

	private void profileMutations(SchemaParts schema) {
		schema.mutation(
				field("createProfile", required(ref("Profile")), "Adds a profile to a project.",
						arg("projectId", required(GraphQLID), "The project to add it to."), inputArg("ProfileInput")),
				env -> profiles.create(env.getArgument("projectId"), input(env)));
		schema.mutation(field("updateProfile", required(ref("Profile")), "Changes the given fields of a profile.",
				id("profile"), inputArg("ProfileInput")), env -> profiles.update(id(env), input(env)));
		schema.mutation(
				field("deleteProfile", required(GraphQLID),
						"Deletes a profile with its dashboards, modules and capabilities.", id("profile")),
				env -> profiles.delete(id(env)));
		schema.mutation(
				field("setActiveDashboard", required(ref("Profile")),
						"Makes one of the profile's dashboards its single active screen (null clears it).",
						arg("profileId", required(GraphQLID), "The profile."),
						arg("dashboardId", GraphQLID, "A dashboard of that profile, or null for none.")),
				env -> profiles.setActiveDashboard(env.getArgument("profileId"), env.getArgument("dashboardId")));
	}

	private void dashboardMutations(SchemaParts schema) {
		schema.mutation(
				field("createDashboard", required(ref("Dashboard")), "Adds a dashboard to a profile.",
						arg("profileId", required(GraphQLID), "The profile to add it to."), inputArg("DashboardInput")),
				env -> dashboards.create(env.getArgument("profileId"), input(env)));
		schema.mutation(field("updateDashboard", required(ref("Dashboard")),
				"Changes the given fields of a dashboard and records a new version in the version history.",
				id("dashboard"), inputArg("DashboardInput")), env -> dashboards.update(id(env), input(env)));
		schema.mutation(field("moveDashboard", required(ref("Dashboard")),
				"Moves a dashboard to a position among its profile's dashboards; the others close up.", id("dashboard"),
				position()), env -> dashboards.move(id(env), env.getArgument("position")));
		schema
			.mutation(
					field("deleteDashboard", required(GraphQLID),
							"Deletes a dashboard with its modules and capabilities.", id("dashboard")),
					env -> dashboards.delete(id(env)));
	}

	private void moduleMutations(SchemaParts schema) {
		schema.mutation(field("createModule", required(ref("Module")), "Adds a module to a dashboard.",
				arg("dashboardId", required(GraphQLID), "The dashboard to add it to."), inputArg("ModuleInput")),
				env -> modules.create(env.getArgument("dashboardId"), input(env)));
		schema.mutation(field("updateModule", required(ref("Module")),
				"Changes the given fields of a module and records a new version in the version history.", id("module"),
				inputArg("ModuleInput")), env -> modules.update(id(env), input(env)));
		schema.mutation(field("moveModule", required(ref("Module")),
				"Moves a module to a position among its dashboard's modules; the others close up.", id("module"),
				position()), env -> modules.move(id(env), env.getArgument("position")));
		schema.mutation(
				field("deleteModule", required(GraphQLID), "Deletes a module with its capabilities.", id("module")),
				env -> modules.delete(id(env)));
		GraphQLArgument justification = arg("justification", GraphQLString, "Why; kept with the capability.");
		schema.mutation(
				field("grantCapability", required(ref("Capability")),
						"Grants a module a capability (sets grantedAt, clears revokedAt).", moduleId(),
						capabilityType(), justification),
				env -> modules.grant(env.getArgument("moduleId"), env.getArgument("capabilityType"),
						env.getArgument("justification")));
		schema.mutation(field("revokeCapability", required(ref("Capability")),
				"Revokes a capability the module holds (sets revokedAt).", moduleId(), capabilityType(), justification),
				env -> modules.revoke(env.getArgument("moduleId"), env.getArgument("capabilityType"),
						env.getArgument("justification")));
	}

	private static GraphQLArgument id(String what) {
		return arg("id", required(GraphQLID), "The " + what + "'s id.");
	}

	private static GraphQLArgument inputArg(String type) {
		return arg("input", required(ref(type)), "The fields to set.");
	}

	private static GraphQLArgument position() {
		return arg("position", required(GraphQLInt), "The new position, 0 for first; past the end means last.");
	}

	private static GraphQLArgument moduleId() {
		return arg("moduleId", required(GraphQLID), "The module.");
	}

	private static GraphQLArgument capabilityType() {
		return arg("capabilityType", required(GraphQLString), "The capability, e.g. file_write, git_commit.");
	}

	private static String id(DataFetchingEnvironment env) {
		return env.getArgument("id");
	}

	private static Input input(DataFetchingEnvironment env) {
		return new Input(env.getArgument("input"), "input");
	}

}

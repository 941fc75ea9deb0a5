package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.input;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Scalars;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLObjectType;
import java.util.List;

/**
 * The GraphQL types of the hierarchy: Project, Profile, Dashboard, Module, Capability and
 * their inputs.
 */
final class ProjectTypes {

	private ProjectTypes() {
	}

	static List<GraphQLObjectType> objects() {
		return List.of(project(), profile(), dashboard(), module(), capability());
	}

	private static GraphQLObjectType project() {
		return GraphQLObjectType.newObject()
			.name("Project")
			.description("A software project: the top of the hierarchy Project > Profile > Dashboard > Module.")
			.field(field("id", required(GraphQLID), "The project's id (UUID)."))
			.field(field("name", required(GraphQLString), "The project's name."))
			.field(field("description", GraphQLString, "What the project is about."))
			.field(field("ownerUserId", required(GraphQLString), "The user (token subject) who owns the project."))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When the project was created."))
			.field(field("updatedAt", required(Scalars.DATE_TIME), "When the project row last changed."))
			.field(field("workflowTemplate", GraphQLString,
					"The workflow the project follows, e.g. vibe_coding, data_science, note_taking."))
			.field(field("gitRepository", GraphQLString, "The project's git repository URL."))
			.field(field("profiles", required(list(required(ref("Profile")))), "The project's profiles, oldest first."))
			.build();
	}

	private static GraphQLObjectType profile() {
		return GraphQLObjectType.newObject()
			.name("Profile")
			.description("A profile of a project: a set of dashboards with one active screen.")
			.field(field("id", required(GraphQLID), "The profile's id (UUID)."))
			.field(field("name", required(GraphQLString), "The profile's name."))
			.field(field("description", GraphQLString, "What the profile is for."))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When the profile was created."))
			.field(field("updatedAt", required(Scalars.DATE_TIME), "When the profile row last changed."))
			.field(field("activeDashboardId", GraphQLID, "The id of the active dashboard, if one is set."))
			.field(field("project", required(ref("Project")), "The project this profile belongs to."))
			.field(field("dashboards", required(list(required(ref("Dashboard")))),
					"The profile's dashboards, by position."))
			.field(field("activeDashboard", ref("Dashboard"),
					"The single active screen of this profile, if one is set."))
			.build();
	}

	private static GraphQLObjectType dashboard() {
		return GraphQLObjectType.newObject()
			.name("Dashboard")
			.description("A screen of a profile, shown in Master Control at its position.")
			.field(field("id", required(GraphQLID), "The dashboard's id (UUID)."))
			.field(field("name", required(GraphQLString), "The dashboard's name."))
			.field(field("description", GraphQLString, "What the dashboard shows."))
			.field(field("templateId", GraphQLID, "The id of the template the dashboard was made from, if any."))
			.field(field("layout", required(Scalars.JSON), "The dashboard's layout (Elm dashboard configuration)."))
			.field(field("position", required(GraphQLInt), "The display order within the profile, from 0."))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When the dashboard was created."))
			.field(field("updatedAt", required(Scalars.DATE_TIME), "When the dashboard row last changed."))
			.field(field("profile", required(ref("Profile")), "The profile this dashboard belongs to."))
			.field(field("modules", required(list(required(ref("Module")))), "The dashboard's modules, by position."))
			.field(field("template", ref("Template"), "The template the dashboard was made from, if any."))
			.build();
	}

	private static GraphQLObjectType module() {
		return GraphQLObjectType.newObject()
			.name("Module")
			.description("A module (widget) of a dashboard, such as a checklist, decision log or file manager.")
			.field(field("id", required(GraphQLID), "The module's id (UUID)."))
			.field(field("moduleType", required(GraphQLString),
					"The kind of module, e.g. checklist, decision_log, file_manager."))
			.field(field("name", required(GraphQLString), "The module's name."))
			.field(field("configuration", required(Scalars.JSON), "The module's configuration."))
			.field(field("position", required(GraphQLInt), "The display order within the dashboard, from 0."))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When the module was created."))
			.field(field("updatedAt", required(Scalars.DATE_TIME), "When the module row last changed."))
			.field(field("dashboard", required(ref("Dashboard")), "The dashboard this module belongs to."))
			.field(field("capabilities", required(list(required(ref("Capability")))),
					"The capabilities granted to or revoked from this module, by type."))
			.build();
	}

	private static GraphQLObjectType capability() {
		return GraphQLObjectType.newObject()
			.name("Capability")
			.description("A security capability of a module, such as file_write, network_http or git_commit.")
			.field(field("id", required(GraphQLID), "The capability's id (UUID)."))
			.field(field("capabilityType", required(GraphQLString), "The capability, e.g. file_write."))
			.field(field("granted", required(GraphQLBoolean), "Whether the module holds the capability now."))
			.field(field("grantedAt", Scalars.DATE_TIME, "When it was last granted."))
			.field(field("revokedAt", Scalars.DATE_TIME, "When it was last revoked, if it is revoked."))
			.field(field("justification", GraphQLString, "Why it was granted or revoked."))
			.field(field("module", required(ref("Module")), "The module holding the capability."))
			.build();
	}

	static List<GraphQLInputObjectType> inputs() {
		return List.of(
				GraphQLInputObjectType.newInputObject()
					.name("ProjectFilter")
					.description("Narrows the projects connection; all given conditions must hold.")
					.field(input("ownerUserId", GraphQLString,
							"Only projects of this owner (admins; others see their own)."))
					.field(input("workflowTemplate", GraphQLString, "Only projects with this workflow template."))
					.field(input("nameContains", GraphQLString,
							"Only projects whose name contains this text (any case)."))
					.build(),
				GraphQLInputObjectType.newInputObject()
					.name("ProjectInput")
					.description("Fields of a project. On update, omitted fields keep their value; null clears.")
					.field(input("name", GraphQLString, "The name (required on create, at most 255 characters)."))
					.field(input("description", GraphQLString, "What the project is about."))
					.field(input("workflowTemplate", GraphQLString, "The workflow template (at most 100 characters)."))
					.field(input("gitRepository", GraphQLString, "The git repository URL (at most 500 characters)."))
					.field(input("ownerUserId", GraphQLString,
							"Create only: the owner, if not the caller (admins only)."))
					.build(),
				GraphQLInputObjectType.newInputObject()
					.name("ProfileInput")
					.description("Fields of a profile. On update, omitted fields keep their value.")
					.field(input("name", GraphQLString, "The name (required on create, at most 255 characters)."))
					.field(input("description", GraphQLString, "What the profile is for."))
					.build(),
				GraphQLInputObjectType.newInputObject()
					.name("DashboardInput")
					.description("Fields of a dashboard. On update, omitted fields keep their value.")
					.field(input("name", GraphQLString, "The name (required on create, at most 255 characters)."))
					.field(input("description", GraphQLString, "What the dashboard shows."))
					.field(input("templateId", GraphQLID, "An existing template's id, or null for none."))
					.field(input("layout", Scalars.JSON, "The layout, a JSON object (required on create)."))
					.field(input("position", GraphQLInt,
							"Create only: where to insert (0 is first); default is after the last."))
					.build(),
				GraphQLInputObjectType.newInputObject()
					.name("ModuleInput")
					.description("Fields of a module. On update, omitted fields keep their value.")
					.field(input("moduleType", GraphQLString, "The kind of module (required on create)."))
					.field(input("name", GraphQLString, "The name (required on create, at most 255 characters)."))
					.field(input("configuration", Scalars.JSON,
							"The configuration, a JSON object (required on create)."))
					.field(input("position", GraphQLInt,
							"Create only: where to insert (0 is first); default is after the last."))
					.build());
	}

}

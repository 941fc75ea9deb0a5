package dev.devguide.cockpit.project;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;

import dev.devguide.cockpit.graphql.Scalars;
import graphql.schema.GraphQLObjectType;

/**
 * The GraphQL object types of the hierarchy (Project, Profile, Dashboard, Module,
 * Capability) with their own columns; {@link ProjectSchema} adds the relations.
 */
final class ProjectTypes {

	private ProjectTypes() {
	}

	static GraphQLObjectType project() {
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
			.build();
	}

	static GraphQLObjectType profile() {
		return GraphQLObjectType.newObject()
			.name("Profile")
			.description("A profile of a project: a set of dashboards with one active screen.")
			.field(field("id", required(GraphQLID), "The profile's id (UUID)."))
			.field(field("name", required(GraphQLString), "The profile's name."))
			.field(field("description", GraphQLString, "What the profile is for."))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When the profile was created."))
			.field(field("updatedAt", required(Scalars.DATE_TIME), "When the profile row last changed."))
			.field(field("activeDashboardId", GraphQLID, "The id of the active dashboard, if one is set."))
			.build();
	}

	static GraphQLObjectType dashboard() {
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
			.build();
	}

	static GraphQLObjectType module() {
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
			.build();
	}

	static GraphQLObjectType capability() {
		return GraphQLObjectType.newObject()
			.name("Capability")
			.description("A security capability of a module, such as file_write, network_http or git_commit.")
			.field(field("id", required(GraphQLID), "The capability's id (UUID)."))
			.field(field("capabilityType", required(GraphQLString), "The capability, e.g. file_write."))
			.field(field("granted", required(GraphQLBoolean), "Whether the module holds the capability now."))
			.field(field("grantedAt", Scalars.DATE_TIME, "When it was last granted."))
			.field(field("revokedAt", Scalars.DATE_TIME, "When it was last revoked, if it is revoked."))
			.field(field("justification", GraphQLString, "Why it was granted or revoked."))
			.build();
	}

}

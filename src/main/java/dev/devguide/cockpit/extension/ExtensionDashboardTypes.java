package dev.devguide.cockpit.extension;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLString;

import dev.devguide.cockpit.graphql.Scalars;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLObjectType;

/** The GraphQL types of the extension repository: dashboards, their order, versions. */
final class ExtensionDashboardTypes {

	private ExtensionDashboardTypes() {
	}

	static GraphQLEnumType order() {
		return GraphQLEnumType.newEnum()
			.name("ExtensionDashboardOrder")
			.description("The order of an extension dashboard list; ties are broken by id.")
			.value("DOWNLOADS", ExtensionDashboardOrder.DOWNLOADS.name(), "Most downloaded first.")
			.value("NEWEST", ExtensionDashboardOrder.NEWEST.name(), "Most recently published first.")
			.value("NAME", ExtensionDashboardOrder.NAME.name(),
					"By name, A to Z (binary order of the UTF-8 text, so upper case before lower case).")
			.build();
	}

	static GraphQLObjectType dashboard() {
		return GraphQLObjectType.newObject()
			.name("ExtensionDashboard")
			.description("A dashboard template of a VS Code extension in the community repository. Approved ones are "
					+ "visible to every user, unapproved ones to their author and admins only. Its config is that of "
					+ "its newest version.")
			.field(field("id", required(GraphQLID), "The extension dashboard's id."))
			.field(field("extensionId", required(GraphQLString), "The VS Code extension's identifier."))
			.field(field("dashboardId", required(GraphQLString),
					"The extension's internal identifier of this dashboard (not a project dashboard's id)."))
			.field(field("name", required(GraphQLString), "The template's name in the repository."))
			.field(field("description", GraphQLString, "What the template is for."))
			.field(field("config", required(Scalars.JSON),
					"The current configuration (that of currentVersion): {name, description?, layout, modules: "
							+ "[{type, name, configuration, position}]}, as the JSON Schema "
							+ "extension/dashboard-config.schema.json describes it."))
			.field(field("author", GraphQLString, "The user id of whoever published it."))
			.field(field("communityApproved", required(GraphQLBoolean), "Whether an admin approved it for every user."))
			.field(field("downloadCount", required(Scalars.LONG), "How often it was installed into a project."))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When it was published."))
			.field(field("updatedAt", required(Scalars.DATE_TIME), "When it last changed."))
			.build();
	}

	static GraphQLObjectType version() {
		return GraphQLObjectType.newObject()
			.name("ExtensionVersion")
			.description("One published version of an extension dashboard, with its complete config. Versions are "
					+ "never changed or removed (a rollback publishes a new one); they go only with their dashboard.")
			.field(field("id", required(GraphQLID), "The version's id."))
			.field(field("extensionDashboardId", required(GraphQLID), "The extension dashboard it is a version of."))
			.field(field("version", required(GraphQLString), "The SemVer 2.0 version, e.g. 1.2.0."))
			.field(field("config", required(Scalars.JSON), "The complete config of this version."))
			.field(field("diffFromPrevious", Scalars.JSON,
					"What changed from the version published before this one, as a JSON Patch (RFC 6902): an array "
							+ "of operations such as {op: \"replace\", path: \"/modules/0/name\", value: \"Todo\"} "
							+ "that turn the previous config into this one (empty when the configs are equal). "
							+ "Null for the first version."))
			.field(field("changelog", GraphQLString,
					"What this version changes (a rollback's names the version " + "it restores)."))
			.field(field("createdBy", GraphQLString, "The user id of whoever published it."))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When it was published."))
			.build();
	}

}

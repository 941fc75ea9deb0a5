package dev.devguide.cockpit.extension;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;

import dev.devguide.cockpit.graphql.Scalars;
import graphql.schema.GraphQLObjectType;

/** The GraphQL type of an extension installed into a project. */
final class ExtensionMappingTypes {

	private ExtensionMappingTypes() {
	}

	static GraphQLObjectType projectExtension() {
		return GraphQLObjectType.newObject()
			.name("ProjectExtension")
			.description("An extension dashboard installed into a project: a project maps each extension to one of "
					+ "its dashboards, with its own overrides and place among the project's extensions.")
			.field(field("id", required(GraphQLID), "The mapping's id."))
			.field(field("projectId", required(GraphQLID), "The project it is installed into."))
			.field(field("extensionId", required(GraphQLString),
					"The VS Code extension identifier (one mapping per project and extension)."))
			.field(field("extensionDashboardId", required(GraphQLID), "The extension dashboard installed."))
			.field(field("enabled", required(GraphQLBoolean), "Whether the project uses the extension."))
			.field(field("customConfig", Scalars.JSON,
					"The project's overrides of the extension dashboard's config (a JSON Merge Patch), or null."))
			.field(field("position", required(GraphQLInt),
					"The place among the project's extensions, 0 first (dense: 0, 1, 2, ...)."))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When it was installed."))
			.field(field("updatedAt", required(Scalars.DATE_TIME), "When the mapping last changed."))
			.field(field("effectiveConfig", Scalars.JSON,
					"The extension dashboard's config with customConfig merged in as a JSON Merge Patch (RFC 7386): "
							+ "objects merge key by key, null removes a key, any other value (arrays too) replaces "
							+ "it. What applyExtension creates."))
			.build();
	}

}

package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Scalars;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLObjectType;
import java.util.List;

/** The GraphQL types of the tool registry and of tool grants. */
final class ToolTypes {

	private ToolTypes() {
	}

	static List<GraphQLEnumType> enums() {
		return List.of(
				GraphQLEnumType.newEnum()
					.name("ToolImplementationType")
					.description("How a tool is implemented.")
					.value("PYTHON", "python", "A Python function.")
					.value("API", "api", "A call to an HTTP API.")
					.value("DATABASE", "database", "A database query.")
					.value("WASM", "wasm", "A WebAssembly module.")
					.build(),
				GraphQLEnumType.newEnum()
					.name("ToolAccessType")
					.description("What a project may do with a granted tool.")
					.value("READ", "read", "Read only.")
					.value("WRITE", "write", "Read and write.")
					.value("ADMIN", "admin", "Everything, including administration of the external service.")
					.build(),
				GraphQLEnumType.newEnum()
					.name("ToolAccessStatus")
					.description("Whether a tool grant may be used now, derived from enabled and expiresAt.")
					.value(ToolAccess.ACTIVE, ToolAccess.ACTIVE, "Enabled, and not expired.")
					.value(ToolAccess.EXPIRED, ToolAccess.EXPIRED, "Enabled, but expiresAt has passed.")
					.value(ToolAccess.DISABLED, ToolAccess.DISABLED, "Switched off (whatever its expiry).")
					.build());
	}

	static GraphQLObjectType tool() {
		return GraphQLObjectType.newObject()
			.name("Tool")
			.description(
					"A tool of the registry that AI agents may invoke; readable by every user, written by " + "admins.")
			.field(field("id", required(GraphQLID), "The tool's id."))
			.field(field("name", required(GraphQLString), "The tool's unique name."))
			.field(field("category", required(GraphQLString), "The category, e.g. file_ops, database, git, ai."))
			.field(field("description", required(GraphQLString), "What the tool does."))
			.field(field("implementationType", required(ref("ToolImplementationType")), "How the tool is implemented."))
			.field(field("config", required(Scalars.JSON), "The tool-specific configuration schema."))
			.field(field("system", required(GraphQLBoolean), "Whether it is a system tool."))
			.field(field("requiresCapability", GraphQLString,
					"The module capability a project must hold to be granted the tool, if any."))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When the tool was registered."))
			.build();
	}

	static GraphQLObjectType access() {
		return GraphQLObjectType.newObject()
			.name("ToolAccess")
			.description("A project's grant of a tool, with its OAuth credentials. The tokens are write-only: they "
					+ "are stored sealed (AES-256-GCM) and no response contains them; scopes and expiry are shown.")
			.field(field("id", required(GraphQLID), "The grant's id."))
			.field(field("projectId", required(GraphQLID), "The project granted the tool."))
			.field(field("toolId", required(GraphQLID), "The tool's id."))
			.field(field("accessType", required(ref("ToolAccessType")), "What the project may do with the tool."))
			.field(field("enabled", required(GraphQLBoolean), "Whether the grant is switched on."))
			.field(field("status", required(ref("ToolAccessStatus")),
					"DISABLED when switched off, else EXPIRED once expiresAt has passed, else ACTIVE."))
			.field(field("scopes", required(list(required(GraphQLString))), "The OAuth scopes granted."))
			.field(field("expiresAt", Scalars.DATE_TIME, "When the access token and the grant expire; null: never."))
			.field(field("lastAccessedAt", Scalars.DATE_TIME, "When recordToolUse last recorded a use."))
			.field(field("hasAccessToken", required(GraphQLBoolean), "Whether an OAuth access token is set."))
			.field(field("hasRefreshToken", required(GraphQLBoolean), "Whether an OAuth refresh token is set."))
			.field(field("tokenKeyId", GraphQLString, "The id of the key-ring key the tokens are sealed under."))
			.field(field("tokensSetAt", Scalars.DATE_TIME, "When the OAuth credentials were last set or removed."))
			.build();
	}

}

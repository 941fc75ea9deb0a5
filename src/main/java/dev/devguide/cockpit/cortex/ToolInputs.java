package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.graphql.FieldSpec.bool;
import static dev.devguide.cockpit.graphql.FieldSpec.dateTime;
import static dev.devguide.cockpit.graphql.FieldSpec.enumValue;
import static dev.devguide.cockpit.graphql.FieldSpec.id;
import static dev.devguide.cockpit.graphql.FieldSpec.jsonObject;
import static dev.devguide.cockpit.graphql.FieldSpec.longText;
import static dev.devguide.cockpit.graphql.FieldSpec.object;
import static dev.devguide.cockpit.graphql.FieldSpec.text;
import static dev.devguide.cockpit.graphql.FieldSpec.textList;
import static dev.devguide.cockpit.graphql.Sdl.inputObject;

import dev.devguide.cockpit.graphql.FieldSpec;
import graphql.schema.GraphQLInputObjectType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The arguments and input fields of tools and tool grants, with their limits. */
final class ToolInputs {

	static final FieldSpec<String> NAME = text("name", 255, "The tool's unique name (required on register).");

	static final FieldSpec<String> CATEGORY = text("category", 50,
			"The category, e.g. file_ops, database, git, ai, external (required on register).");

	static final FieldSpec<String> DESCRIPTION = longText("description",
			"What the tool does, for agents and people (required on register).");

	static final FieldSpec<String> IMPLEMENTATION_TYPE = enumValue("implementationType", "ToolImplementationType",
			"How the tool is implemented (required on register).");

	static final FieldSpec<Map<String, Object>> CONFIG = jsonObject("config",
			"The tool-specific configuration schema (default {}).");

	static final FieldSpec<Boolean> SYSTEM = bool("system", "Whether it is a system tool (default false).");

	static final FieldSpec<String> REQUIRES_CAPABILITY = text("requiresCapability", 100,
			"The module capability a project must hold (granted, not revoked) to be granted the tool; null: none.");

	static final FieldSpec<Map<String, Object>> TOOL_INPUT = object("input", "ToolInput", "The fields to set.")
		.nonNull();

	static final FieldSpec<String> CATEGORY_FILTER = CATEGORY.describedAs("Only tools of this category.");

	static final FieldSpec<Boolean> SYSTEM_FILTER = SYSTEM.describedAs("Only system (true) or other (false) tools.");

	static final FieldSpec<String> ACCESS_TYPE = enumValue("accessType", "ToolAccessType",
			"What the project may do with the tool (default READ).");

	static final FieldSpec<Boolean> ENABLED = bool("enabled",
			"Whether the grant may be used (default true); false makes it DISABLED.");

	static final FieldSpec<Map<String, Object>> OAUTH = object("oauth", "ToolOAuthInput",
			"The OAuth credentials of the grant. On update it replaces all of them; null removes them.");

	static final FieldSpec<String> ACCESS_TOKEN = text("accessToken", 4096,
			"The OAuth access token. Write-only: sealed like provider keys, never returned (hasAccessToken says "
					+ "whether one is set).");

	static final FieldSpec<String> REFRESH_TOKEN = text("refreshToken", 4096,
			"The OAuth refresh token. Write-only: sealed like provider keys, never returned (hasRefreshToken says "
					+ "whether one is set).");

	static final FieldSpec<List<String>> SCOPES = textList("scopes", 50, 255, "The OAuth scopes granted.");

	static final FieldSpec<Instant> EXPIRES_AT = dateTime("expiresAt",
			"When the access token, and with it the grant, expires; null: never.");

	static final FieldSpec<Map<String, Object>> ACCESS_INPUT = object("input", "ToolAccessInput", "The fields to set.");

	static final FieldSpec<String> PROJECT_ID = id("projectId", "The project's id.").nonNull();

	static final FieldSpec<String> TOOL_ID = id("toolId", "The tool's id.").nonNull();

	static final FieldSpec<String> ACCESS_ID = id("accessId", "The tool grant's id.").nonNull();

	static final FieldSpec<String> ID = id("id", "The id.").nonNull();

	private ToolInputs() {
	}

	static List<GraphQLInputObjectType> types() {
		return List.of(
				inputObject("ToolInput", "Fields of a tool. On update, omitted fields keep their value.", NAME,
						CATEGORY, DESCRIPTION, IMPLEMENTATION_TYPE, CONFIG, SYSTEM, REQUIRES_CAPABILITY),
				inputObject("ToolAccessInput", "Fields of a tool grant. On update, omitted fields keep their value.",
						ACCESS_TYPE, ENABLED, OAUTH),
				inputObject("ToolOAuthInput", "OAuth credentials: the tokens are sealed and never returned.",
						ACCESS_TOKEN, REFRESH_TOKEN, SCOPES, EXPIRES_AT));
	}

}

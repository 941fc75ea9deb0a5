package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.ToolInputs.ACCESS_ID;
import static dev.devguide.cockpit.cortex.ToolInputs.ACCESS_INPUT;
import static dev.devguide.cockpit.cortex.ToolInputs.CATEGORY_FILTER;
import static dev.devguide.cockpit.cortex.ToolInputs.ID;
import static dev.devguide.cockpit.cortex.ToolInputs.PROJECT_ID;
import static dev.devguide.cockpit.cortex.ToolInputs.SYSTEM_FILTER;
import static dev.devguide.cockpit.cortex.ToolInputs.TOOL_ID;
import static dev.devguide.cockpit.cortex.ToolInputs.TOOL_INPUT;
import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import dev.devguide.cockpit.project.Project;
import graphql.schema.GraphQLArgument;
import java.time.Instant;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The tool registry and tool grants in GraphQL: {@code tools}, the admins' register /
 * update / delete, the owner's grant / update / revoke / record use, and
 * {@code Project.toolAccess} and {@code ToolAccess.tool} through DataLoaders.
 */
@Component
class ToolSchema implements SchemaContribution {

	private final ToolService tools;

	private final ToolAccessService accesses;

	ToolSchema(ToolService tools, ToolAccessService accesses) {
		this.tools = tools;
		this.accesses = accesses;
	}

	@Override
	public void contribute(SchemaParts schema) {
		ToolTypes.enums().forEach(schema::type);
		schema.object(ToolTypes.tool(), Tool.class).object(ToolTypes.access(), ToolAccess.class);
		ToolInputs.types().forEach(schema::type);
		schema.fetcher("ToolAccess", "status",
				env -> Objects.requireNonNull(env.<ToolAccess>getSource()).status(Instant.now()));
		schema.query(field("tools", required(list(required(ref("Tool")))),
				"The tool registry (readable by every user), by name.", CATEGORY_FILTER.argument(),
				SYSTEM_FILTER.argument()), env -> {
					Input arguments = Input.arguments(env);
					return tools.list(arguments.optional(CATEGORY_FILTER), arguments.optional(SYSTEM_FILTER));
				});
		schema
			.relation("Project", "toolAccess", required(list(required(ref("ToolAccess")))),
					"The tools granted to the project, by tool id.", ToolLoaders.PROJECT_TOOL_ACCESS, Project::id)
			.relation("ToolAccess", "tool", required(ref("Tool")), "The granted tool.", ToolLoaders.TOOL,
					ToolAccess::toolId);
		toolMutations(schema);
		accessMutations(schema);
	}

	private void toolMutations(SchemaParts schema) {
		schema.mutation(field("registerTool", required(ref("Tool")),
				"Registers a tool (admins only). A name already taken is a BAD_REQUEST naming input.name.",
				TOOL_INPUT.argument()), env -> tools.register(Input.arguments(env).object(TOOL_INPUT)));
		schema.mutation(field("updateTool", required(ref("Tool")), "Changes the given fields of a tool (admins only).",
				id("tool"), TOOL_INPUT.argument()), env -> {
					Input arguments = Input.arguments(env);
					return tools.update(arguments.required(ID), arguments.object(TOOL_INPUT));
				});
		schema.mutation(field("deleteTool", required(GraphQLID),
				"Deletes a tool (admins only) and, as the data model's foreign key cascades, every project's grant "
						+ "of it with their tokens; returns its id.",
				id("tool")), env -> tools.delete(Input.arguments(env).required(ID)));
	}

	private void accessMutations(SchemaParts schema) {
		schema.mutation(field("grantToolAccess", required(ref("ToolAccess")),
				"Grants a project a tool (its owner). A tool with requiresCapability is granted only while a module "
						+ "of the project holds that capability (granted, not revoked), else FORBIDDEN naming it; a "
						+ "tool the project already has is a BAD_REQUEST naming toolId. OAuth tokens are sealed and "
						+ "never returned.",
				PROJECT_ID.argument(), TOOL_ID.argument(), ACCESS_INPUT.argument()), env -> {
					Input arguments = Input.arguments(env);
					return accesses.grant(arguments.required(PROJECT_ID), arguments.required(TOOL_ID),
							arguments.object(ACCESS_INPUT));
				});
		schema.mutation(field("updateToolAccess", required(ref("ToolAccess")),
				"Changes the given fields of a tool grant; enabling it again checks the tool's capability again.",
				id("tool grant"), ACCESS_INPUT.nonNull().argument()), env -> {
					Input arguments = Input.arguments(env);
					return accesses.update(arguments.required(ID), arguments.object(ACCESS_INPUT));
				});
		schema
			.mutation(
					field("revokeToolAccess", required(GraphQLID),
							"Deletes a tool grant with its tokens; returns its id.", id("tool grant")),
					env -> accesses.revoke(Input.arguments(env).required(ID)));
		schema.mutation(field("recordToolUse", required(ref("ToolAccess")),
				"Records a use of an ACTIVE grant now (lastAccessedAt); an EXPIRED or DISABLED one is a BAD_REQUEST "
						+ "naming accessId, and one whose tool requires a capability no module of the project holds any "
						+ "more is FORBIDDEN naming it.",
				ACCESS_ID.argument()), env -> accesses.recordUse(Input.arguments(env).required(ACCESS_ID)));
	}

	private static GraphQLArgument id(String what) {
		return ID.describedAs("The " + what + "'s id.").argument();
	}

}

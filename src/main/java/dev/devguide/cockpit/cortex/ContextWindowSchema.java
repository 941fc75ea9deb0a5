package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.ContextWindowInputs.ID;
import static dev.devguide.cockpit.cortex.ContextWindowInputs.MAX_TOKENS;
import static dev.devguide.cockpit.cortex.ContextWindowInputs.MESSAGES;
import static dev.devguide.cockpit.cortex.ContextWindowInputs.PROJECT_ID;
import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import dev.devguide.cockpit.graphql.Selection;
import dev.devguide.cockpit.project.Project;
import dev.devguide.cockpit.project.ProjectLoaders;
import org.springframework.stereotype.Component;

/**
 * Context windows in GraphQL: {@code contextWindow(id)}, the create / append / clear
 * mutations, {@code Project.contextWindows} and {@code ContextWindow.project}, each
 * relation through a DataLoader.
 */
@Component
class ContextWindowSchema implements SchemaContribution {

	private final ContextWindowService windows;

	ContextWindowSchema(ContextWindowService windows) {
		this.windows = windows;
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.type(ContextWindowTypes.role())
			.object(ContextWindowTypes.message(), ContextWindowMessage.class)
			.object(ContextWindowTypes.window(), ContextWindow.class)
			.object(ContextWindowTypes.appended(), ContextWindowAppended.class);
		ContextWindowInputs.types().forEach(schema::type);
		schema.query(
				field("contextWindow", required(ref("ContextWindow")),
						"One context window by id (its project's owner and admins only).", ID.argument()),
				env -> windows.get(Input.arguments(env).required(ID), Selection.of(env)));
		schema
			.relation("Project", "contextWindows", required(list(required(ref("ContextWindow")))),
					"The project's context windows, most recently used first.", ContextWindowLoaders.PROJECT_WINDOWS,
					Project::id)
			.relation("ContextWindow", "project", required(ref("Project")), "The project the window belongs to.",
					ProjectLoaders.PROJECT, ContextWindow::projectId);
		mutations(schema);
	}

	private void mutations(SchemaParts schema) {
		schema.mutation(field("createContextWindow", required(ref("ContextWindow")),
				"Creates an empty context window in a project the caller may change.", PROJECT_ID.argument(),
				MAX_TOKENS.argument()), env -> {
					Input arguments = Input.arguments(env);
					return windows.create(arguments.required(PROJECT_ID), arguments);
				});
		schema.mutation(field("appendContextMessages", required(ref("AppendContextMessagesPayload")),
				"Appends messages to a context window atomically: concurrent appends run one after another and "
						+ "none is lost. " + ContextWindowTypes.LIMITS
						+ " currentTokens stays the sum of the kept messages.",
				ID.argument(), MESSAGES.argument()), env -> {
					Input arguments = Input.arguments(env);
					return windows.append(arguments.required(ID), arguments);
				});
		schema.mutation(field("clearContextWindow", required(ref("ContextWindow")),
				"Removes every message of a context window (currentTokens becomes 0; maxTokens stays).", ID.argument()),
				env -> windows.clear(Input.arguments(env).required(ID)));
	}

}

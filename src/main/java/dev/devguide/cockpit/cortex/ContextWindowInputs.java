package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.graphql.FieldSpec.enumValue;
import static dev.devguide.cockpit.graphql.FieldSpec.id;
import static dev.devguide.cockpit.graphql.FieldSpec.integer;
import static dev.devguide.cockpit.graphql.FieldSpec.longText;
import static dev.devguide.cockpit.graphql.FieldSpec.objectList;
import static dev.devguide.cockpit.graphql.Sdl.inputObject;

import dev.devguide.cockpit.graphql.FieldSpec;
import graphql.schema.GraphQLInputObjectType;
import java.util.List;
import java.util.Map;

/**
 * The arguments and input fields of context windows, with their limits.
 */
final class ContextWindowInputs {

	/** How many messages one append may carry. */
	static final int MAX_APPEND = 100;

	static final FieldSpec<String> ID = id("id", "The context window's id.").nonNull();

	static final FieldSpec<String> PROJECT_ID = id("projectId", "The project the window belongs to.").nonNull();

	static final FieldSpec<Integer> MAX_TOKENS = integer("maxTokens", 1, ContextWindow.MAX_TOKENS,
			"How many tokens the window keeps at most, from 1 to " + ContextWindow.MAX_TOKENS + " (default "
					+ ContextWindow.DEFAULT_MAX_TOKENS + ").");

	static final FieldSpec<String> ROLE = enumValue("role", "ContextMessageRole", "Who wrote the message.").nonNull();

	static final FieldSpec<String> CONTENT = longText("content", "The message's text (trimmed; must not be blank).")
		.nonNull();

	static final FieldSpec<Integer> TOKENS = integer("tokens", 1, ContextWindow.MAX_TOKENS,
			"How many tokens the message counts for, from 1 to " + ContextWindow.MAX_TOKENS + ".")
		.nonNull();

	static final FieldSpec<List<Map<String, Object>>> MESSAGES = objectList("messages", "ContextMessageInput", 1,
			MAX_APPEND,
			"The messages to append, oldest first. Together they must fit the window: more tokens than its "
					+ "maxTokens (or more than " + ContextWindowEviction.MAX_HISTORY_BYTES
					+ " bytes of JSON) is a BAD_REQUEST on messages, and nothing changes.")
		.nonNull();

	private ContextWindowInputs() {
	}

	static List<GraphQLInputObjectType> types() {
		return List.of(inputObject("ContextMessageInput", "One message to append to a context window.", ROLE, CONTENT,
				TOKENS));
	}

}

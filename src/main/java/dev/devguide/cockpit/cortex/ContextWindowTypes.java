package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Scalars;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLObjectType;

/** The GraphQL types of context windows: the window, its messages, their role. */
final class ContextWindowTypes {

	static final String LIMITS = "A window keeps at most maxTokens tokens, " + ContextWindowEviction.MAX_MESSAGES
			+ " messages and " + ContextWindowEviction.MAX_HISTORY_BYTES
			+ " bytes of history JSON: an append that would exceed any of them evicts the oldest messages first.";

	private ContextWindowTypes() {
	}

	static GraphQLEnumType role() {
		return GraphQLEnumType.newEnum()
			.name("ContextMessageRole")
			.description("Who wrote a message of a context window.")
			.value("USER", "user", "The user.")
			.value("ASSISTANT", "assistant", "The model.")
			.value("SYSTEM", "system", "System instructions.")
			.value("TOOL", "tool", "The output of a tool the model called.")
			.build();
	}

	static GraphQLObjectType message() {
		return GraphQLObjectType.newObject()
			.name("ContextMessage")
			.description("One message kept in a context window.")
			.field(field("role", required(ref("ContextMessageRole")), "Who wrote it."))
			.field(field("content", required(GraphQLString), "Its text."))
			.field(field("tokens", required(GraphQLInt), "How many tokens it counts for."))
			.field(field("at", required(Scalars.DATE_TIME), "When the server appended it."))
			.build();
	}

	static GraphQLObjectType window() {
		return GraphQLObjectType.newObject()
			.name("ContextWindow")
			.description("A project's conversation with a model, kept within a token budget. Readable and "
					+ "changeable by the project's owner and admins. " + LIMITS)
			.field(field("id", required(GraphQLID), "The window's id."))
			.field(field("projectId", required(GraphQLID), "The id of the project the window belongs to."))
			.field(field("messages", required(list(required(ref("ContextMessage")))),
					"The kept messages, oldest first."))
			.field(field("currentTokens", required(GraphQLInt),
					"The sum of the kept messages' tokens (always equal to it)."))
			.field(field("maxTokens", required(GraphQLInt), "How many tokens the window keeps at most."))
			.field(field("lastMessageAt", required(Scalars.DATE_TIME),
					"When messages were last appended (the creation time before the first append)."))
			.build();
	}

	static GraphQLObjectType appended() {
		return GraphQLObjectType.newObject()
			.name("AppendContextMessagesPayload")
			.description("The result of appendContextMessages.")
			.field(field("window", required(ref("ContextWindow")), "The window after the append."))
			.field(field("evicted", required(GraphQLInt),
					"How many of the oldest messages were evicted to make room (0 when all fit)."))
			.field(field("evictedTokens", required(GraphQLInt), "The tokens of the evicted messages."))
			.build();
	}

}

package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLFloat;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;

import dev.devguide.cockpit.graphql.Scalars;
import graphql.schema.GraphQLObjectType;

/** The GraphQL types of provider configurations and of a key rotation. */
final class ProviderTypes {

	private ProviderTypes() {
	}

	static GraphQLObjectType provider() {
		return GraphQLObjectType.newObject()
			.name("ProviderConfiguration")
			.description("An AI provider a project may call, with its model and settings. The API key is write-only: "
					+ "it is stored sealed (AES-256-GCM) and no response contains it.")
			.field(field("id", required(GraphQLID), "The configuration's id."))
			.field(field("projectId", required(GraphQLID), "The project it belongs to."))
			.field(field("provider", required(GraphQLString),
					"The provider, e.g. anthropic, openai, azure, local (unique within the project)."))
			.field(field("model", required(GraphQLString), "The model."))
			.field(field("temperature", GraphQLFloat, "The sampling temperature, 0 to 2."))
			.field(field("maxTokens", GraphQLInt, "The most tokens a completion may use."))
			.field(field("enabled", required(GraphQLBoolean), "Whether the provider is used."))
			.field(field("priority", GraphQLInt, "The place in the fallback order: the lowest is tried first."))
			.field(field("hasApiKey", required(GraphQLBoolean), "Whether an API key is set."))
			.field(field("apiKeyLast4", GraphQLString, "The last 4 characters of the API key, if one is set."))
			.field(field("apiKeyId", GraphQLString,
					"The id of the key-ring key the API key is sealed under, if one is set."))
			.field(field("apiKeySetAt", Scalars.DATE_TIME, "When the API key was last set or removed."))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When the configuration was created."))
			.field(field("updatedAt", required(Scalars.DATE_TIME), "When the configuration last changed."))
			.build();
	}

	static GraphQLObjectType rotation() {
		return GraphQLObjectType.newObject()
			.name("KeyRotation")
			.description("What one call of rotateProviderKeys did: secrets sealed under an older key of the key ring "
					+ "are sealed again under the primary key.")
			.field(field("primaryKeyId", required(GraphQLString), "The id of the key ring's primary key."))
			.field(field("rotated", required(GraphQLInt),
					"How many rows (provider keys and tool grants' tokens) were sealed again in this call."))
			.field(field("remaining", required(GraphQLInt),
					"How many rows are still under another key; call again until it is 0."))
			.build();
	}

}

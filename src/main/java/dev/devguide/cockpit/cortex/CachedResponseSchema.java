package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.CachedResponseInputs.OLDER_THAN;
import static dev.devguide.cockpit.cortex.CachedResponseInputs.PROMPT;
import static dev.devguide.cockpit.cortex.CachedResponseInputs.PROVIDER;
import static dev.devguide.cockpit.cortex.CachedResponseInputs.PROVIDER_FILTER;
import static dev.devguide.cockpit.cortex.CachedResponseInputs.RESPONSE;
import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;

import dev.devguide.cockpit.graphql.Connections;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Scalars;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import graphql.schema.GraphQLObjectType;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The response cache in GraphQL: the lookup, the store, and the admins' list and
 * eviction. The access rule is {@link CachedResponseService}'s, and the schema says it.
 */
@Component
class CachedResponseSchema implements SchemaContribution {

	static final String ACCESS = "Entries are shared by every authenticated user; a lookup needs the whole prompt "
			+ "(the server hashes it; a hash is never accepted), and non-admins get the response but never the "
			+ "prompt. Listing and eviction are admins' only.";

	private final CachedResponseService cache;

	CachedResponseSchema(CachedResponseService cache) {
		this.cache = cache;
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.object(type(), CachedResponse.class);
		Connections.define(schema, "CachedResponse",
				"A page of cached responses, newest first (then by id); admins only.");
		schema.query(field("cachedResponse", ref("CachedResponse"),
				"The cached response for a prompt and provider, or null. A hit counts: hitCount is incremented "
						+ "atomically, and the entry returned includes this hit. " + ACCESS,
				PROMPT.argument(), PROVIDER.argument()), env -> cache.lookup(Input.arguments(env)));
		schema.query(field("cachedResponses", required(ref("CachedResponseConnection")),
				"Every cached response, or one provider's, newest first (admins only).",
				Connections.arguments(List.of(PROVIDER_FILTER))), env -> {
					Input arguments = Input.arguments(env);
					return cache.page(arguments, Connections.first(arguments), Connections.after(arguments));
				});
		schema.mutation(field("cacheResponse", required(ref("CachedResponse")),
				"Stores a provider's response to a prompt. An entry already stored for the same prompt and "
						+ "provider is replaced (its createdAt becomes now and its hitCount 0), but only by the user "
						+ "who stored it or an admin: anyone else is FORBIDDEN and nothing changes. " + ACCESS,
				PROMPT.argument(), RESPONSE.argument(), PROVIDER.argument()), env -> cache.store(Input.arguments(env)));
		schema.mutation(field("evictCachedResponses", required(Scalars.LONG),
				"Removes the cached responses created (or last replaced) before olderThan and returns how many "
						+ "(admins only).",
				OLDER_THAN.argument()), env -> cache.evict(Input.arguments(env)));
	}

	private static GraphQLObjectType type() {
		return GraphQLObjectType.newObject()
			.name("CachedResponse")
			.description("A provider's response to a prompt, kept for reuse. " + ACCESS)
			.field(field("id", required(GraphQLID), "The entry's id."))
			.field(field("promptHash", required(GraphQLString),
					"The key: lower-case hex SHA-256 of the UTF-8 bytes of provider, a line feed, and the prompt "
							+ "(both trimmed)."))
			.field(field("prompt", GraphQLString,
					"The prompt, for admins only: null for everyone else (a lookup's caller sent it)."))
			.field(field("response", required(Scalars.JSON), "The provider's response, a JSON object."))
			.field(field("provider", required(GraphQLString), "The provider the response came from."))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When it was stored or last replaced."))
			.field(field("hitCount", required(GraphQLInt), "How many lookups found it since then."))
			.build();
	}

}

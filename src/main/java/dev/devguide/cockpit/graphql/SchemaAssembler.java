package dev.devguide.cockpit.graphql;

import dev.devguide.cockpit.security.CallerContext;
import graphql.schema.DataFetcher;
import org.dataloader.DataLoader;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Joins every {@link SchemaContribution} into one {@link GraphQLSchema}. Root fields are
 * wrapped so that none runs without an authenticated caller: a new root field cannot
 * forget the check.
 */
public final class SchemaAssembler {

	private SchemaAssembler() {
	}

	public static GraphQLSchema assemble(List<SchemaContribution> contributions) {
		SchemaParts parts = new SchemaParts();
		Scalars.ALL.forEach(parts::type);
		contributions.forEach(contribution -> contribution.contribute(parts));
		GraphQLCodeRegistry.Builder code = parts.code();
		GraphQLSchema.Builder schema = GraphQLSchema.newSchema();
		schema.query(root(parts, SchemaParts.QUERY, "Reads: every query the Cockpit API answers.", code));
		if (!parts.fieldsOf(SchemaParts.MUTATION).isEmpty()) {
			schema
				.mutation(root(parts, SchemaParts.MUTATION, "Changes: every mutation the Cockpit API accepts.", code));
		}
		if (!parts.fieldsOf(SchemaParts.SUBSCRIPTION).isEmpty()) {
			schema.subscription(root(parts, SchemaParts.SUBSCRIPTION,
					"Live events, over WebSocket (graphql-transport-ws) and server-sent events.", code));
		}
		Set<GraphQLType> additional = new HashSet<>();
		for (GraphQLNamedType type : parts.types().values()) {
			additional.add(extend(type, parts));
		}
		return schema.additionalTypes(additional).codeRegistry(code.build()).build();
	}

	private static GraphQLNamedType extend(GraphQLNamedType type, SchemaParts parts) {
		List<GraphQLFieldDefinition> added = parts.fieldsOf(type.getName());
		if (added.isEmpty() || !(type instanceof GraphQLObjectType object)) {
			return type;
		}
		return object.transform(builder -> added.forEach(builder::field));
	}

	private static GraphQLObjectType root(SchemaParts parts, String name, String description,
			GraphQLCodeRegistry.Builder code) {
		GraphQLObjectType.Builder type = GraphQLObjectType.newObject().name(name).description(description);
		for (GraphQLFieldDefinition field : parts.fieldsOf(name)) {
			type.field(field);
			FieldCoordinates coordinates = FieldCoordinates.coordinates(name, field.getName());
			DataFetcher<?> fetcher = code.getDataFetcher(coordinates, field);
			code.dataFetcher(coordinates, authenticated(fetcher, SchemaParts.SUBSCRIPTION.equals(name)));
		}
		return type.build();
	}

	private static DataFetcher<?> authenticated(DataFetcher<?> fetcher, boolean stream) {
		if (stream) {
			return env -> CallerContext.current()
				.flatMapMany(caller -> Flux.from(publisher(fetcher, env)))
				.doOnNext(event -> forgetLoadedValues(env));
		}
		return env -> CallerContext.current().flatMap(caller -> Mono.from(publisher(fetcher, env)));
	}

	/**
	 * A subscription keeps one DataLoader registry for its whole life: without this, a
	 * relation resolved for one event (say {@code change.sourceModule}) would be served
	 * from the cache to every later event, however much the row changed meanwhile.
	 */
	private static void forgetLoadedValues(DataFetchingEnvironment env) {
		env.getDataLoaderRegistry().getDataLoaders().forEach(DataLoader::clearAll);
	}

	private static Publisher<?> publisher(DataFetcher<?> fetcher, DataFetchingEnvironment env) {
		Object result;
		try {
			result = fetcher.get(env);
		}
		catch (Exception ex) {
			return Mono.error(ex);
		}
		if (result instanceof Publisher<?> publisher) {
			return publisher;
		}
		return Mono.error(new IllegalStateException("Root fields must return a Mono or Flux"));
	}

}

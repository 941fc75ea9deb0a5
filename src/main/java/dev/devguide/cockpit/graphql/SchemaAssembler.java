package dev.devguide.cockpit.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dataloader.DataLoader;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Joins every {@link SchemaContribution} into one {@link GraphQLSchema}, and refuses to
 * start on a mistake a contribution cannot see by itself: a field added to a type nobody
 * defines or to a non-object type, a field declared twice, a fetcher for a field that
 * does not exist, a relation through a DataLoader nobody registers. Root fields are
 * wrapped by the {@link RootGuard}, so that a new one cannot forget the caller check.
 */
public final class SchemaAssembler {

	private static final Map<String, String> ROOTS = Map.of(SchemaParts.QUERY,
			"Reads: every query the Cockpit API answers.", SchemaParts.MUTATION,
			"Changes: every mutation the Cockpit API accepts.", SchemaParts.SUBSCRIPTION,
			"Live events, over WebSocket (graphql-transport-ws) and server-sent events.");

	private SchemaAssembler() {
	}

	/** The schema, and the Java class of each object type's values. */
	public record Assembly(GraphQLSchema schema, Map<String, Class<?>> sources) {
	}

	public static Assembly assemble(List<SchemaContribution> contributions, Set<String> loaderNames, RootGuard guard) {
		SchemaParts parts = new SchemaParts();
		Scalars.ALL.forEach(parts::type);
		contributions.forEach(contribution -> contribution.contribute(parts));
		List<String> problems = new ArrayList<>();
		Map<String, GraphQLObjectType> objects = objects(parts, problems);
		checkFetchers(parts, objects, problems);
		parts.loaders().forEach((coordinates, loader) -> {
			if (!loaderNames.contains(loader)) {
				problems.add(coordinates + " loads through DataLoader " + loader + ", which nobody registers");
			}
		});
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"The GraphQL schema cannot be assembled:\n - " + String.join("\n - ", problems));
		}
		return new Assembly(build(parts, objects, guard), Map.copyOf(parts.sources()));
	}

	/**
	 * Every object type with the fields added to it, the root types included; problems
	 * for fields that have nowhere to go.
	 */
	private static Map<String, GraphQLObjectType> objects(SchemaParts parts, List<String> problems) {
		Map<String, GraphQLObjectType> objects = new LinkedHashMap<>();
		for (GraphQLNamedType type : parts.types().values()) {
			if (type instanceof GraphQLObjectType object) {
				objects.put(object.getName(), extend(object, parts.addedTo(object.getName()), problems));
			}
		}
		for (String root : ROOTS.keySet()) {
			List<GraphQLFieldDefinition> fields = parts.addedTo(root);
			if (!fields.isEmpty()) {
				GraphQLObjectType empty = GraphQLObjectType.newObject().name(root).description(ROOTS.get(root)).build();
				objects.put(root, extend(empty, fields, problems));
			}
		}
		parts.added().forEach((typeName, fields) -> {
			if (objects.containsKey(typeName)) {
				return;
			}
			String names = fields.stream().map(GraphQLFieldDefinition::getName).toList().toString();
			problems.add(parts.types().containsKey(typeName)
					? "fields " + names + " are added to " + typeName + ", which is not an object type"
					: "fields " + names + " are added to " + typeName + ", which no contribution defines");
		});
		return objects;
	}

	private static GraphQLObjectType extend(GraphQLObjectType type, List<GraphQLFieldDefinition> fields,
			List<String> problems) {
		Set<String> names = new HashSet<>();
		type.getFieldDefinitions().forEach(field -> names.add(field.getName()));
		for (GraphQLFieldDefinition field : fields) {
			if (!names.add(field.getName())) {
				problems.add("field " + type.getName() + "." + field.getName() + " is declared twice");
			}
		}
		return fields.isEmpty() ? type : type.transform(builder -> fields.forEach(builder::field));
	}

	private static void checkFetchers(SchemaParts parts, Map<String, GraphQLObjectType> objects,
			List<String> problems) {
		for (FieldCoordinates coordinates : parts.fetchers().keySet()) {
			GraphQLObjectType type = objects.get(coordinates.getTypeName());
			if (type == null || type.getFieldDefinition(coordinates.getFieldName()) == null) {
				problems.add("a fetcher is registered for " + coordinates + ", which does not exist");
			}
		}
	}

	private static GraphQLSchema build(SchemaParts parts, Map<String, GraphQLObjectType> objects, RootGuard guard) {
		GraphQLCodeRegistry.Builder code = GraphQLCodeRegistry.newCodeRegistry();
		parts.fetchers().forEach((coordinates, fetcher) -> {
			String type = coordinates.getTypeName();
			code.dataFetcher(coordinates,
					ROOTS.containsKey(type)
							? guarded(fetcher, guard, parts.access(coordinates), SchemaParts.SUBSCRIPTION.equals(type))
							: fetcher);
		});
		GraphQLSchema.Builder schema = GraphQLSchema.newSchema().query(objects.get(SchemaParts.QUERY));
		if (objects.containsKey(SchemaParts.MUTATION)) {
			schema.mutation(objects.get(SchemaParts.MUTATION));
		}
		if (objects.containsKey(SchemaParts.SUBSCRIPTION)) {
			schema.subscription(objects.get(SchemaParts.SUBSCRIPTION));
		}
		Set<GraphQLType> additional = new HashSet<>();
		parts.types().values().stream().filter(type -> !(type instanceof GraphQLObjectType)).forEach(additional::add);
		objects.values().stream().filter(type -> !ROOTS.containsKey(type.getName())).forEach(additional::add);
		return schema.additionalTypes(additional).codeRegistry(code.build()).build();
	}

	private static DataFetcher<?> guarded(DataFetcher<?> fetcher, RootGuard guard, RootAccess access, boolean stream) {
		if (stream) {
			// A subscription's fetcher is called at once, so that what it declares about
			// its stream (see SharedSubscriptions) is known when execution returns; it
			// only builds the stream, which nothing subscribes to before the guard
			// passes.
			return env -> {
				Publisher<?> events = publisher(fetcher, env);
				return guard.check(access)
					.flatMapMany(allowed -> Flux.from(events))
					.doOnNext(event -> forgetLoadedValues(env));
			};
		}
		return env -> guard.check(access).flatMap(allowed -> Mono.from(publisher(fetcher, env)));
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

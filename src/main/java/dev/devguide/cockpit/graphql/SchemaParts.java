package dev.devguide.cockpit.graphql;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLTypeReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the contributions hand to the {@link SchemaAssembler}: types (object types with
 * the Java class their values are), root fields, fields added to types, fetchers, and
 * relations, each declared with the loader it goes through. The assembler checks it all
 * against each other before anything is served.
 */
public final class SchemaParts {

	static final String QUERY = "Query";

	static final String MUTATION = "Mutation";

	static final String SUBSCRIPTION = "Subscription";

	private final Map<String, GraphQLNamedType> types = new LinkedHashMap<>();

	private final Map<String, Class<?>> sources = new LinkedHashMap<>();

	private final Map<String, List<GraphQLFieldDefinition>> added = new LinkedHashMap<>();

	private final Map<FieldCoordinates, DataFetcher<?>> fetchers = new LinkedHashMap<>();

	private final Map<FieldCoordinates, String> loaders = new LinkedHashMap<>();

	private final Map<FieldCoordinates, RootAccess> access = new LinkedHashMap<>();

	/**
	 * Adds an object type whose values are instances of {@code source}: a field without a
	 * fetcher reads the property of that name.
	 */
	public SchemaParts object(GraphQLObjectType type, Class<?> source) {
		sources.put(type.getName(), source);
		return add(type);
	}

	/** Adds an input, enum or scalar type (object types go through {@link #object}). */
	public SchemaParts type(GraphQLNamedType type) {
		if (type instanceof GraphQLObjectType) {
			throw new IllegalArgumentException(
					"Object type " + type.getName() + " must be added with object(type, sourceClass)");
		}
		return add(type);
	}

	public SchemaParts query(GraphQLFieldDefinition field, DataFetcher<?> fetcher) {
		return field(QUERY, field, fetcher);
	}

	public SchemaParts mutation(GraphQLFieldDefinition field, DataFetcher<?> fetcher) {
		return field(MUTATION, field, fetcher);
	}

	/**
	 * A mutation that {@code access} admits (say, service callers too); root fields
	 * declared otherwise admit {@link RootAccess#USERS}.
	 */
	public SchemaParts mutation(GraphQLFieldDefinition field, DataFetcher<?> fetcher, RootAccess admitted) {
		access.put(FieldCoordinates.coordinates(MUTATION, field.getName()), admitted);
		return field(MUTATION, field, fetcher);
	}

	public SchemaParts subscription(GraphQLFieldDefinition field, DataFetcher<?> fetcher) {
		return field(SUBSCRIPTION, field, fetcher);
	}

	/**
	 * Adds a field, with its fetcher, to an object type that this or another contribution
	 * defines.
	 */
	public SchemaParts field(String typeName, GraphQLFieldDefinition field, DataFetcher<?> fetcher) {
		added.computeIfAbsent(typeName, name -> new ArrayList<>()).add(field);
		return fetcher(typeName, field.getName(), fetcher);
	}

	/** Sets the fetcher of a field that a contributed type declares. */
	public SchemaParts fetcher(String typeName, String fieldName, DataFetcher<?> fetcher) {
		FieldCoordinates coordinates = FieldCoordinates.coordinates(typeName, fieldName);
		if (fetchers.putIfAbsent(coordinates, fetcher) != null) {
			throw new IllegalStateException("Two fetchers are registered for " + coordinates);
		}
		return this;
	}

	/**
	 * Declares the relation field {@code typeName.fieldName}: its value is loaded through
	 * {@code loader} by the key {@code key} takes from the source row (a null key is a
	 * null value), never by a statement per row, reading only what the request selects on
	 * it. The fetcher is trivial (it only asks a DataLoader), so Spring does not wrap it
	 * to carry thread-local context into it, at every row.
	 */
	public <S, K, V> SchemaParts relation(String typeName, String fieldName, GraphQLOutputType type, String description,
			LoaderKey<K, V> loader, Function<S, @Nullable K> key) {
		// A relation is fetched from its source row, never from the root.
		TrivialDataFetcher<CompletableFuture<V>> fetcher = env -> {
			K value = key.apply(Objects.requireNonNull(env.<S>getSource()));
			return value == null ? CompletableFuture.completedFuture(null)
					: loader.load(env, value, Selection.of(env, false));
		};
		loaders.put(FieldCoordinates.coordinates(typeName, fieldName), loader.name());
		return field(typeName, Sdl.field(fieldName, type, description), fetcher);
	}

	/**
	 * Declares the relation field {@code field} of {@code typeName} whose value depends
	 * on its arguments as well as on the source row (a total over a range, say): the key
	 * (source row and checked arguments) says what to load, and the loader answers the
	 * keys of many rows at once.
	 */
	public <S, K, V> SchemaParts argumentRelation(String typeName, GraphQLFieldDefinition field, LoaderKey<K, V> loader,
			BiFunction<S, Input, K> key) {
		// fetched from its source row, never from the root
		TrivialDataFetcher<CompletableFuture<V>> fetcher = env -> loader.load(env,
				key.apply(Objects.requireNonNull(env.<S>getSource()), Input.arguments(env)), Selection.of(env, false));
		loaders.put(FieldCoordinates.coordinates(typeName, field.getName()), loader.name());
		return field(typeName, field, fetcher);
	}

	/**
	 * Declares the paged relation {@code typeName.fieldName}: a connection of
	 * {@code node}s with {@code first} and {@code after} and the given filters. The key
	 * (source row and checked arguments) says which page of which parent; the loader
	 * answers the pages of many parents at once.
	 */
	public <S, K, V> SchemaParts pagedRelation(String typeName, String fieldName, String node, String description,
			List<FieldSpec<?>> filters, LoaderKey<K, Page<V>> loader, BiFunction<S, Input, K> key) {
		// fetched from its source row, never from the root
		TrivialDataFetcher<CompletableFuture<Page<V>>> fetcher = env -> loader.load(env,
				key.apply(Objects.requireNonNull(env.<S>getSource()), Input.arguments(env)), Selection.of(env, true));
		loaders.put(FieldCoordinates.coordinates(typeName, fieldName), loader.name());
		GraphQLOutputType connection = Sdl.required(GraphQLTypeReference.typeRef(node + "Connection"));
		return field(typeName, Sdl.field(fieldName, connection, description, Connections.arguments(filters)), fetcher);
	}

	private SchemaParts add(GraphQLNamedType type) {
		if (types.putIfAbsent(type.getName(), type) != null) {
			throw new IllegalStateException("Type " + type.getName() + " is contributed twice");
		}
		return this;
	}

	Map<String, GraphQLNamedType> types() {
		return types;
	}

	Map<String, Class<?>> sources() {
		return sources;
	}

	Map<String, List<GraphQLFieldDefinition>> added() {
		return added;
	}

	List<GraphQLFieldDefinition> addedTo(String typeName) {
		return added.getOrDefault(typeName, List.of());
	}

	Map<FieldCoordinates, DataFetcher<?>> fetchers() {
		return fetchers;
	}

	Map<FieldCoordinates, String> loaders() {
		return loaders;
	}

	RootAccess access(FieldCoordinates coordinates) {
		return access.getOrDefault(coordinates, RootAccess.USERS);
	}

}

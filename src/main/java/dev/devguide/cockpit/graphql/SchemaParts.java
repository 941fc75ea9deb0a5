package dev.devguide.cockpit.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the contributions hand to the {@link SchemaAssembler}: types, root fields, type
 * extensions, fetchers.
 */
public final class SchemaParts {

	static final String QUERY = "Query";

	static final String MUTATION = "Mutation";

	static final String SUBSCRIPTION = "Subscription";

	private final Map<String, GraphQLNamedType> types = new LinkedHashMap<>();

	private final Map<String, List<GraphQLFieldDefinition>> fields = new LinkedHashMap<>();

	private final GraphQLCodeRegistry.Builder code = GraphQLCodeRegistry.newCodeRegistry();

	/** Adds a named type (object, input, enum, scalar, interface). */
	public SchemaParts type(GraphQLNamedType type) {
		if (types.putIfAbsent(type.getName(), type) != null) {
			throw new IllegalStateException("Type " + type.getName() + " is contributed twice");
		}
		return this;
	}

	public SchemaParts query(GraphQLFieldDefinition field, DataFetcher<?> fetcher) {
		return field(QUERY, field, fetcher);
	}

	public SchemaParts mutation(GraphQLFieldDefinition field, DataFetcher<?> fetcher) {
		return field(MUTATION, field, fetcher);
	}

	public SchemaParts subscription(GraphQLFieldDefinition field, DataFetcher<?> fetcher) {
		return field(SUBSCRIPTION, field, fetcher);
	}

	/**
	 * Adds a field, with its fetcher, to a type that this or another contribution
	 * defines.
	 */
	public SchemaParts field(String typeName, GraphQLFieldDefinition field, DataFetcher<?> fetcher) {
		fields.computeIfAbsent(typeName, name -> new ArrayList<>()).add(field);
		return fetcher(typeName, field.getName(), fetcher);
	}

	/** Sets the fetcher of a field declared in a contributed type. */
	public SchemaParts fetcher(String typeName, String fieldName, DataFetcher<?> fetcher) {
		code.dataFetcher(FieldCoordinates.coordinates(typeName, fieldName), fetcher);
		return this;
	}

	Map<String, GraphQLNamedType> types() {
		return types;
	}

	List<GraphQLFieldDefinition> fieldsOf(String typeName) {
		return fields.getOrDefault(typeName, List.of());
	}

	Map<String, List<GraphQLFieldDefinition>> addedFields() {
		return fields;
	}

	GraphQLCodeRegistry.Builder code() {
		return code;
	}

}

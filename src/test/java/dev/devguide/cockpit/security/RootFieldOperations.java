package dev.devguide.cockpit.security;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a GraphQL operation for a root field from its definition in the schema:
 * arguments as variables, and either just {@code __typename} or every field reachable
 * without entering a type twice on one path.
 */
final class RootFieldOperations {

	/** Chooses which arguments and input fields are sent, and their values. */
	interface Values {

		/**
		 * Whether a nullable argument or input field is sent; {@code filled} is true
		 * inside a required input.
		 */
		boolean sendsNullable(String name, GraphQLType type, boolean filled);

		/**
		 * The value of a scalar or enum argument or input field called {@code name} under
		 * root field {@code root}.
		 */
		Object leaf(String root, String name, GraphQLNamedType type);

	}

	/**
	 * Values for an anonymous probe: only what is required, each a syntactically valid
	 * placeholder.
	 */
	static final Values PLACEHOLDERS = new Values() {

		@Override
		public boolean sendsNullable(String name, GraphQLType type, boolean filled) {
			return false;
		}

		@Override
		public Object leaf(String root, String name, GraphQLNamedType type) {
			return placeholder(type);
		}

	};

	/**
	 * A root field of the schema and the operation type it belongs to (query, mutation or
	 * subscription).
	 */
	record RootField(String kind, GraphQLFieldDefinition definition) {

		String name() {
			return definition.getName();
		}

	}

	/**
	 * A document with one root field, the variables it needs, and a label for failure
	 * messages.
	 */
	record Operation(RootField root, String document, Map<String, Object> variables) {

		String label() {
			return root.kind() + " " + root.name() + variables;
		}

	}

	private final GraphQLSchema schema;

	RootFieldOperations(GraphQLSchema schema) {
		this.schema = schema;
	}

	/** Every root field of Query, Mutation and Subscription, in the schema's order. */
	List<RootField> rootFields() {
		List<RootField> fields = new ArrayList<>();
		add(fields, "query", schema.getQueryType());
		add(fields, "mutation", schema.getMutationType());
		add(fields, "subscription", schema.getSubscriptionType());
		return fields;
	}

	/**
	 * The operation for {@code root}: {@code deep} selects every reachable field,
	 * otherwise only the typename.
	 */
	Operation write(RootField root, Values values, boolean deep) {
		Writer writer = new Writer(root.name(), values, deep);
		String call = writer.field(root.definition(), new ArrayDeque<>());
		String declared = writer.declarations.isEmpty() ? "" : "(" + String.join(", ", writer.declarations) + ")";
		String document = root.kind() + " Probe_" + root.name() + declared + " { " + call + " }";
		return new Operation(root, document, writer.variables);
	}

	/** A syntactically valid value of a scalar or enum type. */
	static Object placeholder(GraphQLNamedType type) {
		if (type instanceof GraphQLEnumType enumType) {
			return enumType.getValues().get(0).getName();
		}
		return switch (type.getName()) {
			case "Int", "Long" -> 0;
			case "Float", "BigDecimal" -> 0.0;
			case "Boolean" -> false;
			case "JSON" -> Map.of();
			case "DateTime" -> "2026-01-01T00:00:00.000000Z";
			default -> "x";
		};
	}

	private static void add(List<RootField> fields, String kind, GraphQLObjectType type) {
		if (type != null) {
			type.getFieldDefinitions().forEach(field -> fields.add(new RootField(kind, field)));
		}
	}

	/** Collects the variables of one operation while writing its selection. */
	private final class Writer {

		private final String root;

		private final Values values;

		private final boolean deep;

		private final List<String> declarations = new ArrayList<>();

		private final Map<String, Object> variables = new LinkedHashMap<>();

		Writer(String root, Values values, boolean deep) {
			this.root = root;
			this.values = values;
			this.deep = deep;
		}

		String field(GraphQLFieldDefinition field, Deque<String> path) {
			List<String> arguments = new ArrayList<>();
			for (GraphQLArgument argument : field.getArguments()) {
				boolean required = GraphQLTypeUtil.isNonNull(argument.getType());
				if (required || values.sendsNullable(argument.getName(), argument.getType(), false)) {
					Object value = value(argument.getName(), argument.getType(), required);
					arguments.add(argument.getName() + ": " + variable(argument.getType(), value));
				}
			}
			String call = arguments.isEmpty() ? field.getName()
					: field.getName() + "(" + String.join(", ", arguments) + ")";
			return call + selection(field.getType(), path);
		}

		private String variable(GraphQLInputType type, Object value) {
			String name = "v" + variables.size();
			declarations.add("$" + name + ": " + GraphQLTypeUtil.simplePrint(type));
			variables.put(name, value);
			return "$" + name;
		}

		private Object value(String name, GraphQLType type, boolean filled) {
			GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
			if (bare instanceof GraphQLList list) {
				return List.of(value(name, list.getWrappedType(), filled));
			}
			if (bare instanceof GraphQLInputObjectType input) {
				Map<String, Object> fields = new LinkedHashMap<>();
				for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
					boolean required = GraphQLTypeUtil.isNonNull(field.getType());
					if (required || values.sendsNullable(field.getName(), field.getType(), filled)) {
						fields.put(field.getName(), value(field.getName(), field.getType(), filled || required));
					}
				}
				return fields;
			}
			return values.leaf(root, name, (GraphQLNamedType) bare);
		}

		private String selection(GraphQLType type, Deque<String> path) {
			GraphQLNamedType bare = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
			if (!(bare instanceof GraphQLCompositeType)) {
				return "";
			}
			if (!deep) {
				return " { __typename }";
			}
			path.push(bare.getName());
			StringBuilder out = new StringBuilder(" { __typename");
			for (GraphQLObjectType object : possibleTypes(bare)) {
				String fields = fields(object, path);
				out.append(object == bare ? fields : " ... on " + object.getName() + " {" + fields + " }");
			}
			path.pop();
			return out.append(" }").toString();
		}

		private String fields(GraphQLObjectType object, Deque<String> path) {
			StringBuilder out = new StringBuilder();
			for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
				GraphQLNamedType target = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType());
				if (target instanceof GraphQLCompositeType && path.contains(target.getName())) {
					continue;
				}
				out.append(' ').append(field(field, path));
			}
			return out.toString();
		}

		private List<GraphQLObjectType> possibleTypes(GraphQLNamedType type) {
			if (type instanceof GraphQLInterfaceType anInterface) {
				return schema.getImplementations(anInterface);
			}
			if (type instanceof GraphQLUnionType union) {
				return union.getTypes().stream().map(GraphQLObjectType.class::cast).toList();
			}
			return List.of((GraphQLObjectType) type);
		}

	}

}

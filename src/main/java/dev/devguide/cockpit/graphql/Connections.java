package dev.devguide.cockpit.graphql;

import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLArgument.newArgument;
import static graphql.schema.GraphQLFieldDefinition.newFieldDefinition;
import static graphql.schema.GraphQLList.list;
import static graphql.schema.GraphQLNonNull.nonNull;
import static graphql.schema.GraphQLObjectType.newObject;
import static graphql.schema.GraphQLTypeReference.typeRef;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;
import java.util.List;

/**
 * Relay-style connection types ({@code XxxConnection}, {@code XxxEdge}, {@code PageInfo})
 * and paging arguments.
 */
public final class Connections {

	public static final int DEFAULT_PAGE = 20;

	public static final int MAX_PAGE = 100;

	private Connections() {
	}

	/** An edge: one node and the cursor that points just after it. */
	public record Edge(String cursor, Object node) {
	}

	/** Relay page information. */
	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

	/**
	 * Adds {@code <node>Connection} and {@code <node>Edge} with their fetchers; PageInfo
	 * comes from here too.
	 */
	public static void define(SchemaParts schema, String node, String description) {
		String edge = node + "Edge";
		String connection = node + "Connection";
		schema.type(newObject().name(edge)
			.description("One " + node + " in a " + connection + ", with its cursor.")
			.field(newFieldDefinition().name("cursor")
				.description("Pass as `after` to continue after this node.")
				.type(nonNull(GraphQLString)))
			.field(newFieldDefinition().name("node").description("The " + node + ".").type(nonNull(typeRef(node))))
			.build());
		schema.type(newObject().name(connection)
			.description(description)
			.field(newFieldDefinition().name("edges")
				.description("The nodes of this page, in order.")
				.type(nonNull(list(nonNull(typeRef(edge))))))
			.field(newFieldDefinition().name("pageInfo")
				.description("Where this page sits in the whole list.")
				.type(nonNull(typeRef("PageInfo"))))
			.field(newFieldDefinition().name("totalCount")
				.description("How many nodes match, over all pages (counted only when asked for).")
				.type(nonNull(Scalars.LONG)))
			.build());
		schema.fetcher(connection, "edges", env -> edges(env.getSource()));
		schema.fetcher(connection, "pageInfo", env -> pageInfo(env.getSource()));
		schema.fetcher(connection, "totalCount", env -> ((Page<?>) env.getSource()).total().get().toFuture());
	}

	static void definePageInfo(SchemaParts schema) {
		schema.type(newObject().name("PageInfo")
			.description("Relay page information of a connection.")
			.field(newFieldDefinition().name("hasNextPage")
				.description("True when more nodes follow this page.")
				.type(nonNull(GraphQLBoolean)))
			.field(newFieldDefinition().name("hasPreviousPage")
				.description("True when this page was requested with `after`, so nodes precede it.")
				.type(nonNull(GraphQLBoolean)))
			.field(newFieldDefinition().name("startCursor")
				.description("The cursor of the first node, if any.")
				.type(GraphQLString))
			.field(newFieldDefinition().name("endCursor")
				.description("The cursor of the last node, if any.")
				.type(GraphQLString))
			.build());
	}

	/** The {@code first} and {@code after} arguments of a connection field. */
	public static List<GraphQLArgument> pagingArguments() {
		return List.of(
				newArgument().name("first")
					.description("How many nodes to return (1 to " + MAX_PAGE + ", default " + DEFAULT_PAGE + ").")
					.type(GraphQLInt)
					.build(),
				newArgument().name("after")
					.description("Return the nodes after this cursor (an `endCursor` or edge `cursor`).")
					.type(GraphQLString)
					.build());
	}

	/** The validated {@code first} argument. */
	public static int first(DataFetchingEnvironment env) {
		Integer first = env.getArgument("first");
		if (first == null) {
			return DEFAULT_PAGE;
		}
		if (first < 1 || first > MAX_PAGE) {
			throw ApiException.badRequest("first", "must be between 1 and " + MAX_PAGE);
		}
		return first;
	}

	private static <T> List<Edge> edges(Page<T> page) {
		return page.items().stream().map(item -> new Edge(page.cursor().apply(item), item)).toList();
	}

	private static <T> PageInfo pageInfo(Page<T> page) {
		List<T> items = page.items();
		String start = items.isEmpty() ? null : page.cursor().apply(items.get(0));
		String end = items.isEmpty() ? null : page.cursor().apply(items.get(items.size() - 1));
		return new PageInfo(page.hasNextPage(), page.hasPreviousPage(), start, end);
	}

}

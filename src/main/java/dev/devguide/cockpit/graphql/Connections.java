package dev.devguide.cockpit.graphql;

import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLFieldDefinition.newFieldDefinition;
import static graphql.schema.GraphQLList.list;
import static graphql.schema.GraphQLNonNull.nonNull;
import static graphql.schema.GraphQLObjectType.newObject;
import static graphql.schema.GraphQLTypeReference.typeRef;

import graphql.TrivialDataFetcher;
import graphql.schema.GraphQLArgument;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor,
			@Nullable String endCursor) {
	}

	/**
	 * Adds {@code <node>Connection} and {@code <node>Edge} with their fetchers; PageInfo
	 * comes from here too.
	 */
	public static void define(SchemaParts schema, String node, String description) {
		String edge = node + "Edge";
		String connection = node + "Connection";
		schema.object(newObject().name(edge)
			.description("One " + node + " in a " + connection + ", with its cursor.")
			.field(newFieldDefinition().name("cursor")
				.description("Pass as `after` to continue after this node.")
				.type(nonNull(GraphQLString)))
			.field(newFieldDefinition().name("node").description("The " + node + ".").type(nonNull(typeRef(node))))
			.build(), Edge.class);
		schema.object(newObject().name(connection)
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
			.build(), Page.class);
		// A field of a connection is fetched only from a connection: the source is its
		// page.
		schema.fetcher(connection, "edges",
				(TrivialDataFetcher<?>) env -> edges(Objects.requireNonNull(env.<Page<?>>getSource())));
		schema.fetcher(connection, "pageInfo",
				(TrivialDataFetcher<?>) env -> pageInfo(Objects.requireNonNull(env.<Page<?>>getSource())));
		schema.fetcher(connection, "totalCount",
				env -> Objects.requireNonNull(env.<Page<?>>getSource()).total().get().toFuture());
	}

	static void definePageInfo(SchemaParts schema) {
		schema.object(newObject().name("PageInfo")
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
			.build(), PageInfo.class);
	}

	/** How many nodes a page holds. */
	public static final FieldSpec<Integer> FIRST = FieldSpec.integer("first", 1, MAX_PAGE,
			"How many nodes to return (1 to " + MAX_PAGE + ", default " + DEFAULT_PAGE + ").");

	/** Where a page starts. */
	public static final FieldSpec<String> AFTER = FieldSpec.token("after", 200,
			"Return the nodes after this cursor (an `endCursor` or edge `cursor`).");

	/**
	 * The {@code first} and {@code after} arguments of a connection field, then others.
	 */
	public static List<GraphQLArgument> arguments(List<FieldSpec<?>> others) {
		List<GraphQLArgument> arguments = new ArrayList<>(List.of(FIRST.argument(), AFTER.argument()));
		others.forEach(spec -> arguments.add(spec.argument()));
		return arguments;
	}

	/** The checked {@code first} argument, or the default page size. */
	public static int first(Input arguments) {
		return arguments.orElse(FIRST, DEFAULT_PAGE);
	}

	/**
	 * The position the checked {@code after} cursor points at, or null; a cursor this API
	 * did not issue is a BAD_REQUEST naming {@code after}.
	 */
	public static Cursors.@Nullable Position after(Input arguments) {
		String after = arguments.optional(AFTER);
		return after == null ? null : Cursors.decode(after, arguments.path(AFTER));
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

package dev.devguide.cockpit.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLTypeReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What a relation's fetcher sees as selected on the rows it loads. */
class SelectionTests {

	@Test
	void theFieldsSelectedBelowTheCurrentFieldAtEachPlace() {
		List<String> seen = new CopyOnWriteArrayList<>();
		DataFetcher<?> children = env -> {
			seen.add(env.getField().getAlias() + "=" + Selection.of(env));
			return List.of(Map.of("id", "c", "name", "n"));
		};
		GraphQLObjectType child = GraphQLObjectType.newObject()
			.name("Child")
			.field(Sdl.field("id", graphql.Scalars.GraphQLID, "Id."))
			.field(Sdl.field("name", graphql.Scalars.GraphQLString, "Name."))
			.build();
		GraphQLObjectType query = GraphQLObjectType.newObject()
			.name("Query")
			.field(Sdl.field("children", GraphQLList.list(GraphQLTypeReference.typeRef("Child")), "Children."))
			.build();
		GraphQLSchema schema = GraphQLSchema.newSchema()
			.query(query)
			.additionalType(child)
			.codeRegistry(GraphQLCodeRegistry.newCodeRegistry()
				.dataFetcher(FieldCoordinates.coordinates("Query", "children"), children)
				.build())
			.build();

		ExecutionResult result = GraphQL.newGraphQL(schema)
			.build()
			.execute("{ narrow: children { id } wide: children { id name } }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(seen).containsExactlyInAnyOrder("narrow=[id]", "wide=[id, name]");
	}

}

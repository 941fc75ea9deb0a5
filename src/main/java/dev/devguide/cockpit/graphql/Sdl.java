package dev.devguide.cockpit.graphql;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLTypeReference;
import java.util.List;

/**
 * Short builders for described fields, arguments and input fields, so schema code reads
 * like the SDL it prints.
 */
public final class Sdl {

	private Sdl() {
	}

	public static GraphQLFieldDefinition field(String name, GraphQLOutputType type, String description,
			GraphQLArgument... arguments) {
		return GraphQLFieldDefinition.newFieldDefinition()
			.name(name)
			.type(type)
			.description(description)
			.arguments(List.of(arguments))
			.build();
	}

	public static GraphQLFieldDefinition field(String name, GraphQLOutputType type, String description,
			List<GraphQLArgument> arguments) {
		return field(name, type, description, arguments.toArray(GraphQLArgument[]::new));
	}

	public static GraphQLArgument arg(String name, GraphQLInputType type, String description) {
		return GraphQLArgument.newArgument().name(name).type(type).description(description).build();
	}

	public static GraphQLInputObjectField input(String name, GraphQLInputType type, String description) {
		return GraphQLInputObjectField.newInputObjectField().name(name).type(type).description(description).build();
	}

	/** An input object type whose fields are the given specs, in order. */
	public static GraphQLInputObjectType inputObject(String name, String description, FieldSpec<?>... fields) {
		GraphQLInputObjectType.Builder type = GraphQLInputObjectType.newInputObject()
			.name(name)
			.description(description);
		for (FieldSpec<?> field : fields) {
			type.field(field.inputField());
		}
		return type.build();
	}

	public static GraphQLTypeReference ref(String name) {
		return GraphQLTypeReference.typeRef(name);
	}

	public static GraphQLNonNull required(graphql.schema.GraphQLType type) {
		return GraphQLNonNull.nonNull(type);
	}

}

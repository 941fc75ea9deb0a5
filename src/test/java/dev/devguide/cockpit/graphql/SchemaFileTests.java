package dev.devguide.cockpit.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.SchemaContext;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The committed {@code graphql/schema.graphqls} is what the code builds, and every type,
 * field, argument, input field and enum value carries a description. The schema is built
 * from the application's components without a database ({@link SchemaContext}).
 * Regenerate with {@code ./mvnw test -Dtest=SchemaFileTests -Dcockpit.schema.write=true}.
 */
class SchemaFileTests {

	private static final Path FILE = Path.of("graphql", "schema.graphqls");

	private static AnnotationConfigApplicationContext context;

	private static GraphQLSchema schema;

	@BeforeAll
	static void start() {
		context = SchemaContext.start();
		schema = context.getBean(GraphQLSchema.class);
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void committedSchemaFileMatchesTheCode() throws IOException {
		String printed = print(schema);
		if (Boolean.getBoolean("cockpit.schema.write")) {
			Files.createDirectories(FILE.getParent());
			Files.writeString(FILE, printed);
		}
		assertThat(FILE).as("graphql/schema.graphqls exists (regenerate with -Dcockpit.schema.write=true)").exists();
		assertThat(Files.readString(FILE))
			.as("graphql/schema.graphqls is out of date: run ./mvnw test -Dtest=SchemaFileTests "
					+ "-Dcockpit.schema.write=true and commit the file")
			.isEqualTo(printed);
	}

	@Test
	void everyTypeFieldAndArgumentIsDescribed() {
		List<String> undescribed = new ArrayList<>();
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			if (type.getName().startsWith("__") || isBuiltInScalar(type)) {
				continue;
			}
			check(undescribed, type.getName(), type.getDescription());
			if (type instanceof GraphQLFieldsContainer container) {
				for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
					String path = type.getName() + "." + field.getName();
					check(undescribed, path, field.getDescription());
					for (GraphQLArgument argument : field.getArguments()) {
						check(undescribed, path + "(" + argument.getName() + ")", argument.getDescription());
					}
				}
			}
			if (type instanceof GraphQLInputObjectType input) {
				input.getFieldDefinitions()
					.forEach(field -> check(undescribed, type.getName() + "." + field.getName(),
							field.getDescription()));
			}
			if (type instanceof GraphQLEnumType enumType) {
				enumType.getValues()
					.forEach(value -> check(undescribed, type.getName() + "." + value.getName(),
							value.getDescription()));
			}
		}
		assertThat(undescribed).as("schema elements without a description").isEmpty();
	}

	static String print(GraphQLSchema schema) {
		SchemaPrinter printer = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
			.includeScalarTypes(true)
			.includeDirectives(false)
			.includeSchemaDefinition(false));
		return printer.print(schema);
	}

	private static boolean isBuiltInScalar(GraphQLNamedType type) {
		return List.of("String", "Int", "Float", "Boolean", "ID").contains(type.getName());
	}

	private static void check(List<String> undescribed, String path, String description) {
		if (description == null || description.isBlank()) {
			undescribed.add(path);
		}
	}

}

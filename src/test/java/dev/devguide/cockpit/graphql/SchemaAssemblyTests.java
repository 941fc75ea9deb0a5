package dev.devguide.cockpit.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.SchemaContext;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.SchemaMappingInspector;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;

/**
 * The real schema, assembled from every contribution and loader of the application
 * without a database, maps every field: Spring's {@link SchemaMappingInspector} finds for
 * each one a registered fetcher or a property of the Java class its type declares, and no
 * fetcher is registered for a field that does not exist.
 */
class SchemaAssemblyTests {

	private static AnnotationConfigApplicationContext context;

	@BeforeAll
	static void start() {
		context = SchemaContext.start();
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void everyFieldHasAFetcherOrAPropertyOfItsSourceClass() {
		SchemaAssembler.Assembly assembly = context.getBean(SchemaAssembler.Assembly.class);

		SchemaReport report = SchemaMappingInspector.inspect(assembly.schema(), described(assembly));

		assertThat(report.unmappedFields()).as("fields with neither a fetcher nor a property").isEmpty();
		assertThat(report.unmappedRegistrations()).as("fetchers without a field").isEmpty();
		assertThat(report.unmappedArguments()).as("arguments without a field argument").isEmpty();
		assertThat(report.skippedTypes()).as("types the inspector could not check").isEmpty();
	}

	@Test
	void everyObjectTypeDeclaresTheJavaClassOfItsValues() {
		SchemaAssembler.Assembly assembly = context.getBean(SchemaAssembler.Assembly.class);
		assertThat(assembly.schema().getAllTypesAsList())
			.filteredOn(type -> type instanceof GraphQLObjectType && !type.getName().startsWith("__"))
			.extracting(GraphQLNamedType::getName)
			.filteredOn(name -> !name.equals("Query") && !name.equals("Mutation") && !name.equals("Subscription"))
			.allSatisfy(name -> assertThat(assembly.sources()).containsKey(name));
	}

	/**
	 * The registered fetchers, each described to the inspector by what its field's type
	 * declares: the Java class {@code SchemaParts.object} gave that type (in a list or a
	 * page where the field is one). The inspector then follows every field into its type
	 * and checks the fields without a fetcher against that class's properties.
	 */
	private static Map<String, Map<String, DataFetcher>> described(SchemaAssembler.Assembly assembly) {
		GraphQLSchema schema = assembly.schema();
		GraphQLCodeRegistry code = schema.getCodeRegistry();
		Map<String, Map<String, DataFetcher>> fetchers = new LinkedHashMap<>();
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			if (!(type instanceof GraphQLObjectType object) || type.getName().startsWith("__")) {
				continue;
			}
			for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
				if (code.hasDataFetcher(FieldCoordinates.coordinates(object, field))) {
					fetchers.computeIfAbsent(object.getName(), name -> new LinkedHashMap<>())
						.put(field.getName(), new Declared(object.getName() + "." + field.getName(),
								returnType(field.getType(), assembly.sources())));
				}
			}
		}
		describeEdgeNodes(assembly, fetchers);
		return fetchers;
	}

	private static ResolvableType returnType(GraphQLOutputType type, Map<String, Class<?>> sources) {
		GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
		Class<?> declared = sources.getOrDefault(GraphQLTypeUtil.unwrapAll(type).getName(), Object.class);
		return unwrapped instanceof GraphQLList ? ResolvableType.forClassWithGenerics(List.class, declared)
				: ResolvableType.forClass(declared);
	}

	/**
	 * A connection's edge is a {@link Connections.Edge}, whose {@code node} Java cannot
	 * type (it holds any node): described as the class the node type declares.
	 */
	private static void describeEdgeNodes(SchemaAssembler.Assembly assembly,
			Map<String, Map<String, DataFetcher>> fetchers) {
		assembly.sources().forEach((type, source) -> {
			if (source == Connections.Edge.class) {
				GraphQLFieldDefinition node = ((GraphQLObjectType) assembly.schema().getType(type)).getField("node");
				fetchers.computeIfAbsent(type, name -> new LinkedHashMap<>())
					.put("node", new Declared(type + ".node", returnType(node.getType(), assembly.sources())));
			}
		});
	}

	/**
	 * A registered fetcher as the inspector sees it: the Java type its field declares.
	 */
	private record Declared(String description,
			ResolvableType returnType) implements SelfDescribingDataFetcher<Object> {

		@Override
		public String getDescription() {
			return description;
		}

		@Override
		public ResolvableType getReturnType() {
			return returnType;
		}

		@Override
		public Object get(DataFetchingEnvironment environment) {
			throw new UnsupportedOperationException("only describes " + description);
		}

	}

}

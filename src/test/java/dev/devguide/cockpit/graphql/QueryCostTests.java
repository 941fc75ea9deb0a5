package dev.devguide.cockpit.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The static cost of documents against the committed schema: fragments expanded, aliases
 * counted, lists weighted by {@code first} or by the estimate for a relation (10).
 */
class QueryCostTests {

	private static final GraphQLSchema SCHEMA = schema();

	private static final int ESTIMATE = 10;

	@Test
	void countsEveryFieldOnceForEveryObjectItIsResolvedOn() {
		// projects 1, edges 1, node 7, id 7, name 7
		assertThat(cost("{ projects(first: 7) { edges { node { id name } } } }")).isEqualTo(23);
		// a connection without first counts the default page (20)
		assertThat(cost("{ projects { edges { node { id } } } }")).isEqualTo(1 + 1 + 20 + 20);
	}

	@Test
	void weighsRelationListsByTheEstimate() {
		// ... node 2, profiles 2, id 2 * 10, dashboards 20, name 200
		assertThat(cost("{ projects(first: 2) { edges { node { profiles { id dashboards { name } } } } } }"))
			.isEqualTo(1 + 1 + 2 + 2 + 20 + 20 + 200);
	}

	@Test
	void countsAliasesApart() {
		String one = "{ projects(first: 100) { edges { node { id } } } }";
		String twice = "{ a: projects(first: 100) { edges { node { id } } } b: projects(first: 100) { edges { node { id } } } }";
		assertThat(cost(twice)).isEqualTo(2 * cost(one));
	}

	@Test
	void expandsFragments() {
		String inline = "{ projects(first: 3) { edges { node { id profiles { id } } } } }";
		String fragments = """
				{ projects(first: 3) { edges { node { ...P } } } }
				fragment P on Project { id ...Q }
				fragment Q on Project { profiles { id } }""";
		assertThat(cost(fragments)).isEqualTo(cost(inline));
	}

	@Test
	void readsFirstFromVariables() {
		String tree = read(Path.of("graphql", "operations", "dashboardTree.graphql"));
		assertThat(cost(tree, Map.of("first", 50))).isEqualTo(221_702);
		assertThat(cost(tree, Map.of("first", 100))).isEqualTo(443_402);
	}

	@Test
	void theIssuesTwoAttacksCostFarMoreThanTheLimit() {
		assertThat(cost(QueryCostAttacks.doublingFragments())).isEqualTo(5_658_947_368_402L);
		assertThat(cost(QueryCostAttacks.aliases(538))).isEqualTo(538 * 111_202L);
	}

	@Test
	void refusesADocumentWhoseFragmentsExpandPastTheFieldLimit() {
		String query = QueryCostAttacks.doublingFragments();
		assertThatThrownBy(() -> cost(query, Map.of(), 100)).isInstanceOfSatisfying(RequestLimitsRefusal.class,
				refusal -> assertThat(refusal.toExecutionResult().getErrors().get(0).toSpecification())
					.extractingByKey("extensions")
					.isEqualTo(Map.of("classification", "QUERY_TOO_COMPLEX", "limit", "max-fields", "maximum", 100L)));
	}

	@Test
	void measuresTheDepthWithFragmentsExpanded() {
		String query = "{ projects { edges { node { ...P } } } } fragment P on Project { profiles { project { id } } }";
		assertThat(measure(query, Map.of(), 100).depth()).isEqualTo(6);
	}

	@Test
	void saturatesInsteadOfOverflowing() {
		String deep = "{ projects(first: 100) { edges { node { " + "profiles { project { ".repeat(30) + "id"
				+ " } }".repeat(30) + " } } } }";
		assertThat(cost(deep)).isEqualTo(Long.MAX_VALUE);
	}

	private static long cost(String query) {
		return cost(query, Map.of());
	}

	private static long cost(String query, Map<String, Object> variables) {
		return cost(query, variables, 100_000);
	}

	private static long cost(String query, Map<String, Object> variables, int maxFields) {
		return measure(query, variables, maxFields).cost();
	}

	private static QueryCost.Measure measure(String query, Map<String, Object> variables, int maxFields) {
		Document document = Parser.parse(query);
		OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
		Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class)
			.stream()
			.collect(Collectors.toMap(FragmentDefinition::getName, fragment -> fragment));
		return QueryCost.of(SCHEMA, operation, fragments, CoercedVariables.of(variables), ESTIMATE, maxFields);
	}

	private static GraphQLSchema schema() {
		return UnExecutableSchemaGenerator
			.makeUnExecutableSchema(new SchemaParser().parse(read(Path.of("graphql", "schema.graphqls"))));
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}

package dev.devguide.cockpit.graphql;

import graphql.execution.AbortExecutionException;
import graphql.execution.CoercedVariables;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import java.util.Map;

/**
 * The static cost of an operation, computed before it runs: the number of fields its
 * result would hold at most, estimated from the document alone. graphql-java's normalized
 * operation expands fragments and keeps every alias apart (two aliases of one field are
 * two fields), so a field reached twice through fragments counts twice. Each field counts
 * once for every object it is resolved on; a list field multiplies the fields below it by
 * its size:
 * <ul>
 * <li>a field with a {@code first} argument: that value (the default page size,
 * {@value Connections#DEFAULT_PAGE}, without it); the lists of a connection
 * ({@code edges}, {@code nodes}) take the {@code first} of their connection field;</li>
 * <li>any other list (the relations {@code Project.profiles}, {@code Profile.dashboards},
 * {@code Dashboard.modules}, ...): the configured estimate
 * ({@code cockpit.limits.list-estimate}, 10 by default).</li>
 * </ul>
 * The dashboard tree of 50 projects ({@code graphql/operations/dashboardTree.graphql})
 * costs 221,702; the same tree once more under each of 538 aliases costs over 100
 * million. The figure saturates at {@link Long#MAX_VALUE}.
 */
final class QueryCost {

	private static final String FIRST = "first";

	private QueryCost() {
	}

	/**
	 * The operation's cost, or a QUERY_TOO_COMPLEX refusal when it selects more than
	 * {@code maxFields} fields after fragments are expanded (the normalized operation is
	 * never built beyond that, however the fragments multiply).
	 */
	static Measure of(GraphQLSchema schema, OperationDefinition operation, Map<String, FragmentDefinition> fragments,
			CoercedVariables variables, int listEstimate, int maxFields) {
		ExecutableNormalizedOperation normalized;
		try {
			normalized = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(schema, operation,
					fragments, variables,
					ExecutableNormalizedOperationFactory.Options.defaultOptions().maxFieldsCount(maxFields));
		}
		catch (AbortExecutionException ex) {
			throw RequestLimitsRefusal.tooManyFields(maxFields);
		}
		List<ExecutableNormalizedField> top = normalized.getTopLevelFields();
		return new Measure(cost(schema, top, 1, listEstimate, listEstimate), depth(top));
	}

	/**
	 * @param cost the operation's cost
	 * @param depth its deepest field's level, a root field being level 1
	 */
	record Measure(long cost, int depth) {
	}

	private static int depth(List<ExecutableNormalizedField> fields) {
		int deepest = 0;
		for (ExecutableNormalizedField field : fields) {
			deepest = Math.max(deepest, field.getChildren().isEmpty() ? field.getLevel() : depth(field.getChildren()));
		}
		return deepest;
	}

	/**
	 * The cost of {@code fields}, each resolved {@code times} times; {@code listSize} is
	 * the size of a list among them without a {@code first} of its own: the {@code first}
	 * of the connection they belong to, else the estimate.
	 */
	private static long cost(GraphQLSchema schema, List<ExecutableNormalizedField> fields, long times, long listSize,
			int listEstimate) {
		long total = 0;
		for (ExecutableNormalizedField field : fields) {
			long first = first(schema, field);
			long size = 1;
			long childListSize = first > 0 ? first : listEstimate;
			if (returnsList(schema, field)) {
				size = first > 0 ? first : listSize;
				childListSize = listEstimate;
			}
			long below = multiply(times, size);
			total = add(total, add(times, cost(schema, field.getChildren(), below, childListSize, listEstimate)));
			if (total == Long.MAX_VALUE) {
				return total;
			}
		}
		return total;
	}

	/**
	 * The field's {@code first} argument; the default page size when the field has one
	 * but the document leaves it out; 0 for a field without one.
	 */
	private static long first(GraphQLSchema schema, ExecutableNormalizedField field) {
		if (field.getResolvedArguments().get(FIRST) instanceof Number number) {
			return Math.max(1, number.longValue());
		}
		return field.getFieldDefinitions(schema).stream().anyMatch(definition -> definition.getArgument(FIRST) != null)
				? Connections.DEFAULT_PAGE : 0;
	}

	private static boolean returnsList(GraphQLSchema schema, ExecutableNormalizedField field) {
		for (GraphQLFieldDefinition definition : field.getFieldDefinitions(schema)) {
			if (GraphQLTypeUtil.unwrapNonNull(definition.getType()) instanceof GraphQLList) {
				return true;
			}
		}
		return false;
	}

	private static long multiply(long a, long b) {
		long high = Math.multiplyHigh(a, b);
		long product = a * b;
		return high != 0 || product < 0 ? Long.MAX_VALUE : product;
	}

	private static long add(long a, long b) {
		long sum = a + b;
		return sum < 0 ? Long.MAX_VALUE : sum;
	}

}

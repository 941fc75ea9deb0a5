package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLFloat;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Scalars;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import java.util.List;

/** The GraphQL types of token usage, its analytics and the price list. */
final class TokenUsageTypes {

	private TokenUsageTypes() {
	}

	static List<GraphQLEnumType> enums() {
		return List.of(
				GraphQLEnumType.newEnum()
					.name("UsageGranularity")
					.description("The bucket of a usage trend, in UTC.")
					.value("HOUR", "HOUR", "One point per hour.")
					.value("DAY", "DAY", "One point per day.")
					.value("WEEK", "WEEK", "One point per ISO week, from Monday.")
					.value("MONTH", "MONTH", "One point per calendar month.")
					.build(),
				GraphQLEnumType.newEnum()
					.name("UsageDimension")
					.description("What usage can be grouped by.")
					.value("PROVIDER", "PROVIDER", "The AI provider.")
					.value("MODEL", "MODEL", "The model.")
					.value("OPERATION_TYPE", "OPERATION_TYPE", "What the call did (chat, estimation, ...).")
					.value("DASHBOARD_CONTEXT", "DASHBOARD_CONTEXT", "The dashboard that triggered the call.")
					.build());
	}

	static GraphQLObjectType usage() {
		return GraphQLObjectType.newObject()
			.name("TokenUsage")
			.description("One recorded AI call.")
			.field(field("id", required(GraphQLID), "The row's id."))
			.field(field("projectId", required(GraphQLID), "The project it was made for."))
			.field(field("provider", required(GraphQLString), "The AI provider."))
			.field(field("model", required(GraphQLString), "The model."))
			.field(field("inputTokens", required(GraphQLInt), "Tokens sent."))
			.field(field("outputTokens", required(GraphQLInt), "Tokens received."))
			.field(field("totalTokens", required(Scalars.LONG), "Tokens sent and received."))
			.field(field("totalCost", required(Scalars.BIG_DECIMAL), "What it cost (4 decimals)."))
			.field(field("operationType", GraphQLString, "What the call did, if recorded."))
			.field(field("dashboardContext", GraphQLString, "The dashboard that triggered it, if recorded."))
			.field(field("timestamp", required(Scalars.DATE_TIME), "When it was made."))
			.build();
	}

	static GraphQLObjectType recorded() {
		return GraphQLObjectType.newObject()
			.name("RecordTokenUsagePayload")
			.description("What recordTokenUsage wrote (or, replayed, what the first call with its key wrote).")
			.field(field("recorded", required(GraphQLInt), "How many rows were written."))
			.field(field("ids", required(list(required(GraphQLID))), "The rows' ids, in the order of the entries."))
			.field(field("inputTokens", required(Scalars.LONG), "Tokens sent, summed over the entries."))
			.field(field("outputTokens", required(Scalars.LONG), "Tokens received, summed over the entries."))
			.field(field("totalCost", required(Scalars.BIG_DECIMAL), "The entries' cost, summed."))
			.field(field("replayed", required(GraphQLBoolean),
					"True when this is the stored answer of an earlier call with the same idempotency key (nothing "
							+ "was written now)."))
			.build();
	}

	static GraphQLObjectType point() {
		return GraphQLObjectType.newObject()
			.name("UsagePoint")
			.description("One bucket of a usage trend.")
			.field(field("bucketStart", required(Scalars.DATE_TIME), "The start of the bucket, in UTC."))
			.fields(sums("in the bucket"))
			.build();
	}

	static GraphQLObjectType series() {
		return GraphQLObjectType.newObject()
			.name("UsageSeries")
			.description("One series of a usage trend: one combination of the grouped dimensions, with a point for "
					+ "every bucket of the range (zero where nothing was used).")
			.field(field("provider", GraphQLString, "The provider (null when not grouped by PROVIDER)."))
			.field(field("model", GraphQLString, "The model (null when not grouped by MODEL)."))
			.field(field("operationType", GraphQLString,
					"The operation type (null when not grouped by OPERATION_TYPE, or for calls without one)."))
			.field(field("dashboardContext", GraphQLString,
					"The dashboard context (null when not grouped by DASHBOARD_CONTEXT, or for calls without one)."))
			.field(field("points", required(list(required(ref("UsagePoint")))), "One point per bucket, in order."))
			.field(field("totals", required(ref("UsageTotals")), "The sums over the whole range."))
			.build();
	}

	static GraphQLObjectType totals() {
		return GraphQLObjectType.newObject()
			.name("UsageTotals")
			.description("Sums of token usage.")
			.fields(sums("in total"))
			.build();
	}

	static GraphQLObjectType share() {
		return GraphQLObjectType.newObject()
			.name("UsageShare")
			.description("One group of a usage breakdown.")
			.field(field("key", GraphQLString, "The group's value of the dimension (null: calls that recorded none)."))
			.fields(sums("in the group"))
			.field(field("costShare", required(GraphQLFloat),
					"The group's share of the range's cost, 0 to 1 (6 decimals; 0 when nothing cost anything)."))
			.build();
	}

	static GraphQLObjectType breakdown() {
		return GraphQLObjectType.newObject()
			.name("UsageBreakdown")
			.description("Token usage over a range, by one dimension: the cost-by-model view, and others.")
			.field(field("from", required(Scalars.DATE_TIME), "The start of the range read (whole hours)."))
			.field(field("to", required(Scalars.DATE_TIME), "The end of the range read, exclusive (whole hours)."))
			.field(field("by", required(ref("UsageDimension")), "What the groups are."))
			.field(field("totals", required(ref("UsageTotals")), "The sums over every group."))
			.field(field("groups", required(list(required(ref("UsageShare")))), "The groups, by cost, highest first."))
			.build();
	}

	static GraphQLObjectType price() {
		return GraphQLObjectType.newObject()
			.name("ModelPrice")
			.description("What a model costs, from effectiveFrom until the model's next price.")
			.field(field("id", required(GraphQLID), "The price's id."))
			.field(field("provider", required(GraphQLString), "The provider."))
			.field(field("model", required(GraphQLString), "The model."))
			.field(field("inputPerMillion", required(Scalars.BIG_DECIMAL), "The price of a million input tokens."))
			.field(field("outputPerMillion", required(Scalars.BIG_DECIMAL), "The price of a million output tokens."))
			.field(field("effectiveFrom", required(Scalars.DATE_TIME), "From when it applies."))
			.field(field("createdBy", required(GraphQLString), "The admin who set it."))
			.build();
	}

	private static List<GraphQLFieldDefinition> sums(String where) {
		return List.of(field("inputTokens", required(Scalars.LONG), "Tokens sent " + where + "."),
				field("outputTokens", required(Scalars.LONG), "Tokens received " + where + "."),
				field("totalTokens", required(Scalars.LONG), "Tokens sent and received " + where + "."),
				field("cost", required(Scalars.BIG_DECIMAL), "What the calls cost " + where + "."),
				field("requests", required(Scalars.LONG), "How many calls were made " + where + "."));
	}

}

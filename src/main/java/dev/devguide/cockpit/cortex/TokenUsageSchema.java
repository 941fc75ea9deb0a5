package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.TokenUsageInputs.BY;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.EFFECTIVE_FROM;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.FILTER;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.FILTER_MODEL;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.FILTER_OPERATION;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.FILTER_PROVIDER;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.FROM;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.GRANULARITY;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.GROUP_BY;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.INPUT;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.INPUT_PER_MILLION;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.LIST_MODEL;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.LIST_PROVIDER;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.OUTPUT_PER_MILLION;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.PRICE_MODEL;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.PRICE_PROVIDER;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.PROJECT_IDS;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.RAW_FROM;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.RAW_TO;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.TO;
import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Connections;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.RootAccess;
import dev.devguide.cockpit.graphql.Scalars;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import dev.devguide.cockpit.project.Project;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Token usage in GraphQL: {@code recordTokenUsage} (open to the ingest service), the
 * trend and breakdown, the price list, and the usage fields of {@code Project} through
 * loaders.
 */
@Component
class TokenUsageSchema implements SchemaContribution {

	private static final String RANGE = " Read from the rollups (never the raw rows), so it is exact and its cost "
			+ "does not grow with the number of calls.";

	private final TokenUsageService usage;

	private final TokenUsageAnalytics analytics;

	private final ModelPriceService prices;

	TokenUsageSchema(TokenUsageService usage, TokenUsageAnalytics analytics, ModelPriceService prices) {
		this.usage = usage;
		this.analytics = analytics;
		this.prices = prices;
	}

	@Override
	public void contribute(SchemaParts schema) {
		TokenUsageTypes.enums().forEach(schema::type);
		TokenUsageInputs.types().forEach(schema::type);
		schema.object(TokenUsageTypes.usage(), TokenUsage.class)
			.object(TokenUsageTypes.recorded(), RecordedUsage.class)
			.object(TokenUsageTypes.point(), UsagePoint.class)
			.object(TokenUsageTypes.series(), UsageSeries.class)
			.object(TokenUsageTypes.totals(), UsageTotals.class)
			.object(TokenUsageTypes.share(), UsageShare.class)
			.object(TokenUsageTypes.breakdown(), UsageBreakdown.class)
			.object(TokenUsageTypes.price(), ModelPrice.class);
		Connections.define(schema, "TokenUsage", "A page of recorded AI calls, newest first (then by id).");
		schema.mutation(field("recordTokenUsage", required(ref("RecordTokenUsagePayload")),
				"Records 1 to " + TokenUsageInputs.MAX_ENTRIES + " AI calls, all or none. The ingest service "
						+ "(role ingest) and admins may record for any project, users for their own. Each bad entry "
						+ "is a BAD_REQUEST naming input.entries[i].<field>, and nothing is written.",
				INPUT.argument()), env -> usage.record(Input.arguments(env)), RootAccess.ALSO_SERVICES);
		analytics(schema);
		priceList(schema);
		projectFields(schema);
	}

	private void analytics(SchemaParts schema) {
		schema.query(field("tokenUsageTrend", required(list(required(ref("UsageSeries")))),
				"Token usage over time: a series per group, a point per bucket." + RANGE, PROJECT_IDS.argument(),
				FROM.argument(), TO.argument(), GRANULARITY.argument(), GROUP_BY.argument()), env -> {
					Input arguments = Input.arguments(env);
					return analytics.trend(arguments.optional(PROJECT_IDS), trendQuery(arguments));
				});
		schema.query(field("tokenUsageBreakdown", required(ref("UsageBreakdown")),
				"Token usage over a range by one dimension, with each group's share of the cost. The range is "
						+ "rounded out to whole hours." + RANGE,
				PROJECT_IDS.argument(), FROM.argument(), TO.argument(), BY.argument()), env -> {
					Input arguments = Input.arguments(env);
					UsageRange range = UsageRange.totals(arguments.optional(FROM), arguments.optional(TO),
							analytics.now());
					return analytics.breakdown(arguments.optional(PROJECT_IDS), range,
							UsageDimension.valueOf(arguments.required(BY)));
				});
	}

	private void priceList(SchemaParts schema) {
		schema.query(field("modelPrices", required(list(required(ref("ModelPrice")))),
				"The price list, by provider and model, newest price first (readable by every user).",
				LIST_PROVIDER.argument(), LIST_MODEL.argument()), env -> {
					Input arguments = Input.arguments(env);
					return prices.list(arguments.optional(LIST_PROVIDER), arguments.optional(LIST_MODEL));
				});
		schema.mutation(field("setModelPrice", required(ref("ModelPrice")),
				"Sets a model's price from effectiveFrom on (admins only); the same model and moment again "
						+ "replaces the figures. Recorded usage keeps its cost.",
				PRICE_PROVIDER.argument(), PRICE_MODEL.argument(), INPUT_PER_MILLION.argument(),
				OUTPUT_PER_MILLION.argument(), EFFECTIVE_FROM.argument()), env -> {
					Input arguments = Input.arguments(env);
					return prices.set(arguments.required(PRICE_PROVIDER), arguments.required(PRICE_MODEL),
							arguments.required(INPUT_PER_MILLION), arguments.required(OUTPUT_PER_MILLION),
							arguments.required(EFFECTIVE_FROM));
				});
	}

	private void projectFields(SchemaParts schema) {
		schema.argumentRelation("Project",
				field("tokenUsageTrend", required(list(required(ref("UsageSeries")))),
						"The project's token usage over time." + RANGE, FROM.argument(), TO.argument(),
						GRANULARITY.argument(), GROUP_BY.argument()),
				TokenUsageLoaders.TREND, (Project project,
						Input arguments) -> new TokenUsageLoaders.TrendKey(project.id(), trendQuery(arguments)));
		schema.argumentRelation("Project",
				field("totalCost", required(Scalars.BIG_DECIMAL),
						"What the project's AI calls cost over the range (rounded out to whole hours)." + RANGE,
						FROM.argument(), TO.argument()),
				TokenUsageLoaders.COST,
				(Project project, Input arguments) -> new TokenUsageLoaders.CostKey(project.id(),
						UsageRange.totals(arguments.optional(FROM), arguments.optional(TO), analytics.now())));
		schema.pagedRelation("Project", "tokenUsage", "TokenUsage",
				"The project's recorded AI calls, newest first (the raw rows).", List.of(RAW_FROM, RAW_TO, FILTER),
				TokenUsageLoaders.USAGE,
				(Project project, Input arguments) -> new TokenUsageLoaders.UsagePage(project.id(), filter(arguments),
						Connections.first(arguments), Connections.after(arguments)));
	}

	private TokenUsageAnalytics.TrendQuery trendQuery(Input arguments) {
		Granularity granularity = Granularity.valueOf(arguments.orElse(GRANULARITY, Granularity.DAY.name()));
		List<UsageDimension> groupBy = arguments.orElse(GROUP_BY, List.of())
			.stream()
			.distinct()
			.map(UsageDimension::valueOf)
			.toList();
		UsageRange range = UsageRange.of(arguments.optional(FROM), arguments.optional(TO), granularity,
				analytics.now());
		return new TokenUsageAnalytics.TrendQuery(range, groupBy);
	}

	private static UsageFilter filter(Input arguments) {
		Input filter = arguments.object(FILTER);
		return new UsageFilter(arguments.optional(RAW_FROM), arguments.optional(RAW_TO),
				filter.optional(FILTER_PROVIDER), filter.optional(FILTER_MODEL), filter.optional(FILTER_OPERATION));
	}

}

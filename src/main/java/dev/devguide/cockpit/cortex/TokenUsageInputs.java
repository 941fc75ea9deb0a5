package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.graphql.FieldSpec.dateTime;
import static dev.devguide.cockpit.graphql.FieldSpec.decimal;
import static dev.devguide.cockpit.graphql.FieldSpec.enumList;
import static dev.devguide.cockpit.graphql.FieldSpec.enumValue;
import static dev.devguide.cockpit.graphql.FieldSpec.id;
import static dev.devguide.cockpit.graphql.FieldSpec.idList;
import static dev.devguide.cockpit.graphql.FieldSpec.integer;
import static dev.devguide.cockpit.graphql.FieldSpec.object;
import static dev.devguide.cockpit.graphql.FieldSpec.objectList;
import static dev.devguide.cockpit.graphql.FieldSpec.text;
import static dev.devguide.cockpit.graphql.FieldSpec.token;
import static dev.devguide.cockpit.graphql.Sdl.inputObject;

import dev.devguide.cockpit.graphql.FieldSpec;
import graphql.schema.GraphQLInputObjectType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The arguments and input fields of token usage and the price list, with their limits.
 */
final class TokenUsageInputs {

	static final int MAX_ENTRIES = 1000;

	static final int MAX_PROJECTS = 200;

	static final FieldSpec<String> PROJECT_ID = id("projectId", 36, "The project the call was made for.").nonNull();

	static final FieldSpec<String> PROVIDER = text("provider", 50, "The AI provider, e.g. claude or openai.").nonNull();

	static final FieldSpec<String> MODEL = text("model", 100, "The model, e.g. claude-sonnet-4-5-20250929.").nonNull();

	static final FieldSpec<Integer> INPUT_TOKENS = integer("inputTokens", 0, "Tokens sent (at least 0).").nonNull();

	static final FieldSpec<Integer> OUTPUT_TOKENS = integer("outputTokens", 0, "Tokens received (at least 0).")
		.nonNull();

	static final FieldSpec<BigDecimal> TOTAL_COST = decimal("totalCost", 6, 4,
			"What the call cost. Absent: computed from the price list at the entry's timestamp (no price known "
					+ "is a BAD_REQUEST naming this field).");

	static final FieldSpec<String> OPERATION_TYPE = text("operationType", 50, "What the call did, e.g. chat.");

	static final FieldSpec<String> DASHBOARD_CONTEXT = text("dashboardContext", 100,
			"Which dashboard triggered the call.");

	static final FieldSpec<Instant> TIMESTAMP = dateTime("timestamp",
			"When the call was made (default: now). More than 5 minutes in the future is refused.");

	static final FieldSpec<List<Map<String, Object>>> ENTRIES = objectList("entries", "TokenUsageInput", 1, MAX_ENTRIES,
			"The calls to record, all or none.")
		.nonNull();

	static final FieldSpec<String> IDEMPOTENCY_KEY = token("idempotencyKey", 200,
			"Makes retries safe: the same key with the same entries answers the first call's result and writes "
					+ "nothing; with other entries it is a BAD_REQUEST. Keys are the caller's own and kept at least "
					+ "24 hours.");

	static final FieldSpec<Map<String, Object>> INPUT = object("input", "RecordTokenUsageInput", "The batch.")
		.nonNull();

	static final FieldSpec<List<String>> PROJECT_IDS = idList("projectIds", MAX_PROJECTS,
			"The projects; those the caller may not read contribute nothing. Default: every project the caller "
					+ "may read.");

	static final FieldSpec<Instant> FROM = dateTime("from",
			"Start of the range (default: 30 days before its end), rounded down to the start of its bucket.");

	static final FieldSpec<Instant> TO = dateTime("to",
			"End of the range, exclusive (default: the end of the current UTC day), rounded up to the end of its "
					+ "bucket.");

	static final FieldSpec<String> GRANULARITY = enumValue("granularity", "UsageGranularity",
			"The size of each point (default DAY).");

	static final FieldSpec<List<String>> GROUP_BY = enumList("groupBy", "UsageDimension",
			"One series per distinct combination of these (default: one series of everything).");

	static final FieldSpec<String> BY = enumValue("by", "UsageDimension", "What to group by.").nonNull();

	static final FieldSpec<Instant> RAW_FROM = dateTime("from", "Only calls at or after this moment.");

	static final FieldSpec<Instant> RAW_TO = dateTime("to", "Only calls before this moment.");

	static final FieldSpec<Map<String, Object>> FILTER = object("filter", "TokenUsageFilter", "Only matching calls.");

	static final FieldSpec<String> FILTER_PROVIDER = text("provider", 50, "Only calls to this provider.");

	static final FieldSpec<String> FILTER_MODEL = text("model", 100, "Only calls to this model.");

	static final FieldSpec<String> FILTER_OPERATION = text("operationType", 50, "Only calls of this operation type.");

	static final FieldSpec<String> PRICE_PROVIDER = text("provider", 50, "The provider.").nonNull();

	static final FieldSpec<String> PRICE_MODEL = text("model", 100, "The model.").nonNull();

	static final FieldSpec<BigDecimal> INPUT_PER_MILLION = decimal("inputPerMillion", 8, 4,
			"The price of a million input tokens.")
		.nonNull();

	static final FieldSpec<BigDecimal> OUTPUT_PER_MILLION = decimal("outputPerMillion", 8, 4,
			"The price of a million output tokens.")
		.nonNull();

	static final FieldSpec<Instant> EFFECTIVE_FROM = dateTime("effectiveFrom",
			"From when the price applies (until the next price of the model).")
		.nonNull();

	static final FieldSpec<String> LIST_PROVIDER = text("provider", 50, "Only this provider's prices.");

	static final FieldSpec<String> LIST_MODEL = text("model", 100, "Only this model's prices.");

	private TokenUsageInputs() {
	}

	static List<GraphQLInputObjectType> types() {
		return List.of(
				inputObject("TokenUsageInput", "One AI call to record.", PROJECT_ID, PROVIDER, MODEL, INPUT_TOKENS,
						OUTPUT_TOKENS, TOTAL_COST, OPERATION_TYPE, DASHBOARD_CONTEXT, TIMESTAMP),
				inputObject("RecordTokenUsageInput", "A batch of AI calls, recorded all or none.", ENTRIES,
						IDEMPOTENCY_KEY),
				inputObject("TokenUsageFilter", "Which raw usage rows to list.", FILTER_PROVIDER, FILTER_MODEL,
						FILTER_OPERATION));
	}

}

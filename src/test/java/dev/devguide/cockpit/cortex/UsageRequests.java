package dev.devguide.cockpit.cortex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The usage documents of the tests, and entries to send with them. */
final class UsageRequests {

	// language=GraphQL
	static final String RECORD = """
			mutation($input: RecordTokenUsageInput!) {
			  recordTokenUsage(input: $input) { recorded ids inputTokens outputTokens totalCost replayed }
			}""";

	private UsageRequests() {
	}

	/** An entry with a cost and a timestamp. */
	static Map<String, Object> entry(String projectId, String provider, String model, int input, int output,
			@Nullable String cost, @Nullable String timestamp) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("projectId", projectId);
		entry.put("provider", provider);
		entry.put("model", model);
		entry.put("inputTokens", input);
		entry.put("outputTokens", output);
		if (cost != null) {
			entry.put("totalCost", new java.math.BigDecimal(cost));
		}
		entry.put("operationType", "chat");
		if (timestamp != null) {
			entry.put("timestamp", timestamp);
		}
		return entry;
	}

	/** {@code count} entries of one project, with costs. */
	static List<Map<String, Object>> entries(String projectId, int count, String timestamp) {
		List<Map<String, Object>> entries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			entries.add(entry(projectId, "claude", "model-" + (i % 3), 10 + i, 5, "0.0100", timestamp));
		}
		return entries;
	}

	static GraphQlTester.Response record(GraphQlTester tester, List<Map<String, Object>> entries,
			@Nullable String idempotencyKey) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("entries", entries);
		if (idempotencyKey != null) {
			input.put("idempotencyKey", idempotencyKey);
		}
		return tester.document(RECORD).variable("input", input).execute();
	}

}

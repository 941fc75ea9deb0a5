package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.graphql.FieldSpec.bool;
import static dev.devguide.cockpit.graphql.FieldSpec.dateTime;
import static dev.devguide.cockpit.graphql.FieldSpec.enumValue;
import static dev.devguide.cockpit.graphql.FieldSpec.integer;
import static dev.devguide.cockpit.graphql.FieldSpec.jsonObject;
import static dev.devguide.cockpit.graphql.FieldSpec.longText;
import static dev.devguide.cockpit.graphql.FieldSpec.object;
import static dev.devguide.cockpit.graphql.FieldSpec.text;
import static dev.devguide.cockpit.graphql.Sdl.inputObject;

import dev.devguide.cockpit.graphql.FieldSpec;
import graphql.schema.GraphQLInputObjectType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The arguments and input fields of test results, with their limits. */
final class TestResultInputs {

	static final FieldSpec<String> TEST_TYPE = enumValue("testType", "TestType", "The kind of test (required).");

	static final FieldSpec<String> COMPONENT_TESTED = text("componentTested", 500, "The component tested (required).");

	static final FieldSpec<String> V7_FILE_PATH = text("v7FilePath", 500, "The V7 file tested, if any.");

	static final FieldSpec<String> TEST_STATUS = enumValue("testStatus", "TestStatus", "The outcome (required).");

	static final FieldSpec<String> ERROR_DETAILS = longText("errorDetails", "What failed, if anything.");

	static final FieldSpec<Map<String, Object>> PERFORMANCE_METRICS = jsonObject("performanceMetrics",
			"Measurements of the run.");

	static final FieldSpec<Boolean> BACKWARDS_COMPATIBLE = bool("backwardsCompatible",
			"Whether the component stays backwards compatible.");

	static final FieldSpec<String> TESTED_BY = text("testedBy", 100, "Who tested (default: the caller's user id).");

	static final FieldSpec<Instant> TESTED_AT = dateTime("testedAt", "When the test ran (default: now).");

	static final FieldSpec<Boolean> RETEST_REQUIRED = bool("retestRequired",
			"Whether it must run again (default false).");

	static final FieldSpec<String> NOTES = longText("notes", "Notes.");

	static final FieldSpec<Integer> PHASE_NUMBER = integer("phaseNumber", 1,
			"The phase the test belongs to (an existing phase's number), or null for none.");

	static final FieldSpec<Map<String, Object>> INPUT = object("input", "TestResultInput", "The result.").nonNull();

	static final FieldSpec<String> TEST_TYPE_FILTER = TEST_TYPE.describedAs("Only tests of this kind.");

	static final FieldSpec<String> STATUS_FILTER = enumValue("status", "TestStatus", "Only tests of this outcome.");

	static final FieldSpec<String> COMPONENT_FILTER = text("component", 500,
			"Only tests of this component (componentTested, exactly).");

	static final FieldSpec<Integer> PHASE_FILTER = integer("phase", 1, "Only tests of this phase.");

	private TestResultInputs() {
	}

	static List<GraphQLInputObjectType> types() {
		return List.of(inputObject("TestResultInput", "A test result to record.", TEST_TYPE, COMPONENT_TESTED,
				V7_FILE_PATH, TEST_STATUS, ERROR_DETAILS, PERFORMANCE_METRICS, BACKWARDS_COMPATIBLE, TESTED_BY,
				TESTED_AT, RETEST_REQUIRED, NOTES, PHASE_NUMBER));
	}

}

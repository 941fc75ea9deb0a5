package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;

import dev.devguide.cockpit.graphql.Scalars;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLObjectType;
import java.util.List;

/** The GraphQL types of test results. */
final class TestResultTypes {

	private TestResultTypes() {
	}

	static List<GraphQLEnumType> enums() {
		return List.of(
				GraphQLEnumType.newEnum()
					.name("TestType")
					.description("The kind of a V7 test.")
					.value("UNIT", "unit", "A unit test.")
					.value("INTEGRATION", "integration", "An integration test.")
					.value("SYSTEM", "system", "A system test.")
					.value("PERFORMANCE", "performance", "A performance test.")
					.build(),
				GraphQLEnumType.newEnum()
					.name("TestStatus")
					.description("The outcome of a V7 test.")
					.value("PASS", "pass", "Passed.")
					.value("FAIL", "fail", "Failed; errorDetails says how.")
					.value("SKIP", "skip", "Skipped.")
					.build());
	}

	static GraphQLObjectType result() {
		return GraphQLObjectType.newObject()
			.name("TestResult")
			.description("One test of the V7 migration (v7_test_results).")
			.field(field("id", required(GraphQLID), "The result's id."))
			.field(field("testType", required(ref("TestType")), "The kind of test."))
			.field(field("componentTested", required(GraphQLString), "The component tested."))
			.field(field("v7FilePath", GraphQLString, "The V7 file tested, if any."))
			.field(field("testStatus", required(ref("TestStatus")), "The outcome."))
			.field(field("errorDetails", GraphQLString, "What failed, if anything."))
			.field(field("performanceMetrics", Scalars.JSON, "Measurements of the run."))
			.field(field("backwardsCompatible", GraphQLBoolean, "Whether it stays backwards compatible."))
			.field(field("testedBy", GraphQLString, "Who tested."))
			.field(field("testedAt", Scalars.DATE_TIME, "When the test ran."))
			.field(field("retestRequired", required(GraphQLBoolean), "Whether it must run again."))
			.field(field("notes", GraphQLString, "Notes."))
			.field(field("phaseNumber", GraphQLInt, "The phase it belongs to, if any."))
			.build();
	}

}

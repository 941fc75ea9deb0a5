package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static dev.devguide.cockpit.migration.TestResultInputs.COMPONENT_FILTER;
import static dev.devguide.cockpit.migration.TestResultInputs.INPUT;
import static dev.devguide.cockpit.migration.TestResultInputs.PHASE_FILTER;
import static dev.devguide.cockpit.migration.TestResultInputs.STATUS_FILTER;
import static dev.devguide.cockpit.migration.TestResultInputs.TEST_TYPE_FILTER;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Connections;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Test results in GraphQL: the {@code testResults} connection, {@code recordTestResult}
 * and {@code MigrationPhase.testResults} through a DataLoader (the phase type is the
 * phases' contribution).
 */
@Component
class TestResultSchema implements SchemaContribution {

	private final TestResultService results;

	TestResultSchema(TestResultService results) {
		this.results = results;
	}

	@Override
	public void contribute(SchemaParts schema) {
		TestResultTypes.enums().forEach(schema::type);
		schema.object(TestResultTypes.result(), TestResult.class);
		TestResultInputs.types().forEach(schema::type);
		Connections.define(schema, "TestResult", "A page of test results, newest first (testedAt, then id).");
		schema.query(field("testResults", required(ref("TestResultConnection")),
				"The test results matching every filter given, newest first (testedAt, then id). Admins and the "
						+ "migration personas.",
				Connections.arguments(List.of(TEST_TYPE_FILTER, STATUS_FILTER, COMPONENT_FILTER, PHASE_FILTER))),
				env -> results.page(Input.arguments(env)));
		schema.relation("MigrationPhase", "testResults", required(list(required(ref("TestResult")))),
				"The test results of this phase, newest first.", TestResultLoaders.PHASE_TEST_RESULTS,
				MigrationPhase::phaseNumber);
		schema.mutation(field("recordTestResult", required(ref("TestResult")),
				"Records a test result (testedAt defaults to now, testedBy to the caller). Admins and the migration "
						+ "personas; a phaseNumber that is no phase is a BAD_REQUEST naming input.phaseNumber.",
				INPUT.argument()), env -> results.record(Input.arguments(env).object(INPUT)));
	}

}

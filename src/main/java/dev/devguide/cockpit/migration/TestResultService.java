package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.migration.TestResultInputs.BACKWARDS_COMPATIBLE;
import static dev.devguide.cockpit.migration.TestResultInputs.COMPONENT_FILTER;
import static dev.devguide.cockpit.migration.TestResultInputs.COMPONENT_TESTED;
import static dev.devguide.cockpit.migration.TestResultInputs.ERROR_DETAILS;
import static dev.devguide.cockpit.migration.TestResultInputs.NOTES;
import static dev.devguide.cockpit.migration.TestResultInputs.PERFORMANCE_METRICS;
import static dev.devguide.cockpit.migration.TestResultInputs.PHASE_FILTER;
import static dev.devguide.cockpit.migration.TestResultInputs.PHASE_NUMBER;
import static dev.devguide.cockpit.migration.TestResultInputs.RETEST_REQUIRED;
import static dev.devguide.cockpit.migration.TestResultInputs.STATUS_FILTER;
import static dev.devguide.cockpit.migration.TestResultInputs.TESTED_AT;
import static dev.devguide.cockpit.migration.TestResultInputs.TESTED_BY;
import static dev.devguide.cockpit.migration.TestResultInputs.TEST_STATUS;
import static dev.devguide.cockpit.migration.TestResultInputs.TEST_TYPE;
import static dev.devguide.cockpit.migration.TestResultInputs.TEST_TYPE_FILTER;
import static dev.devguide.cockpit.migration.TestResultInputs.V7_FILE_PATH;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Page;
import dev.devguide.cockpit.security.Caller;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Test results: recorded by admins and the migration personas, read by both as a
 * connection, newest first.
 */
@Service
class TestResultService {

	static final String TYPE = "test_result";

	private static final int TESTED_BY_MAX = 100;

	private final TestResultRepository results;

	private final MigrationPhaseRepository phases;

	private final AuditedTransactions transactions;

	TestResultService(TestResultRepository results, MigrationPhaseRepository phases, AuditedTransactions transactions) {
		this.results = results;
		this.phases = phases;
		this.transactions = transactions;
	}

	/** A page of the results matching the checked filters, newest first. */
	Mono<Page<TestResult>> page(Input arguments) {
		return MigrationAccess.reader().flatMap(caller -> {
			TestResultRepository.Filter filter = new TestResultRepository.Filter(arguments.optional(TEST_TYPE_FILTER),
					arguments.optional(STATUS_FILTER), arguments.optional(COMPONENT_FILTER),
					arguments.optional(PHASE_FILTER));
			return MigrationAccess.page(arguments, (after, limit) -> results.page(filter, after, limit),
					TestResult::testedAt, TestResult::id, () -> results.count(filter));
		});
	}

	Mono<TestResult> record(Input input) {
		String id = UUID.randomUUID().toString();
		return transactions.run(AuditFacts.of("test_result.record", TYPE, id).with("fields", input.fieldNames()),
				caller -> MigrationAccess.persona(caller).then(Mono.defer(() -> {
					Integer phase = input.optional(PHASE_NUMBER);
					TestResult result = new TestResult(id, input.required(TEST_TYPE), input.required(COMPONENT_TESTED),
							input.optional(V7_FILE_PATH), input.required(TEST_STATUS), input.optional(ERROR_DETAILS),
							input.optional(PERFORMANCE_METRICS), input.optional(BACKWARDS_COMPATIBLE),
							testedBy(caller, input), input.optional(TESTED_AT), input.orElse(RETEST_REQUIRED, false),
							input.optional(NOTES), phase);
					return phases.requireExists(phase, input.path(PHASE_NUMBER))
						.then(results.insert(result))
						.then(results.findById(id));
				})), (facts, result) -> facts.with("testStatus", result.testStatus())
					.with("phaseNumber", result.phaseNumber()));
	}

	/** The tester given, or the caller when it fits the column. */
	private static String testedBy(Caller caller, Input input) {
		String given = input.optional(TESTED_BY);
		if (given != null) {
			return given;
		}
		if (caller.userId().length() > TESTED_BY_MAX) {
			throw ApiException.badRequest(input.path(TESTED_BY),
					"is required when the caller's user id is longer than " + TESTED_BY_MAX + " characters");
		}
		return caller.userId();
	}

}

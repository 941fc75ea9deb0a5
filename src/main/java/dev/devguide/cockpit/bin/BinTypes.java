package dev.devguide.cockpit.bin;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;

import dev.devguide.cockpit.graphql.Scalars;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLObjectType;
import java.util.List;

/** The GraphQL types of the Bin: changes, propagations, their statuses and events. */
final class BinTypes {

	static final String VALIDATION = "validateChange checks every scalar field of the payload (a field path "
			+ "names it: object keys joined with '.', array elements as [i], e.g. items[0].updated_at) against "
			+ "each active metadata standard whose fieldPattern finds the path (its patternRegex must find a "
			+ "match in the value), and against the project's and the system's enabled guardrails, whose "
			+ "configuration may hold: valuePattern (with an optional fieldPattern: the matching scalar fields' "
			+ "values must match), forbiddenFieldPattern (no field path may match), requiredFields (an array "
			+ "of paths that must be present and not null), maxPayloadBytes (the payload's compact JSON must be "
			+ "at most this many UTF-8 bytes). All patterns are RE2, matched with find. A failing ERROR "
			+ "standard or autoReject guardrail rejects; other failures are recorded and the change validates.";

	static final String IMPACT = "The affected dashboards: with a source module, every dashboard of the project "
			+ "holding a module of the source module's moduleType; without one (or when it no longer exists), "
			+ "every dashboard of the project.";

	private BinTypes() {
	}

	static List<GraphQLEnumType> enums() {
		return List.of(GraphQLEnumType.newEnum()
			.name("SyncStatus")
			.description("Where a change stands in the Bin: PENDING -> VALIDATED or REJECTED; VALIDATED -> PROPAGATED.")
			.value("PENDING", "PENDING", "Submitted, not yet validated.")
			.value("VALIDATED", "VALIDATED", "Passed validation (possibly with warnings); may be propagated.")
			.value("REJECTED", "REJECTED", "Failed an ERROR standard or an autoReject guardrail; final.")
			.value("PROPAGATED", "PROPAGATED", "Propagated to the affected dashboards; final.")
			.build(),
				GraphQLEnumType.newEnum()
					.name("PropagationStatus")
					.description("The outcome of propagating a change to one dashboard.")
					.value("SUCCESS", "SUCCESS", "The dashboard received the change.")
					.value("PARTIAL", "PARTIAL", "The dashboard received part of the change.")
					.value("FAILED", "FAILED", "The dashboard did not receive the change.")
					.build());
	}

	static GraphQLObjectType change() {
		return GraphQLObjectType.newObject()
			.name("SyncChange")
			.description("A change submitted to the Bin (a row of sync_buffer). " + VALIDATION)
			.field(field("id", required(GraphQLID), "The change's id (UUID)."))
			.field(field("projectId", required(GraphQLID), "The project the change belongs to."))
			.field(field("changeType", required(GraphQLString), "What kind of change it is."))
			.field(field("sourceModuleId", GraphQLID, "The module the change came from, if any."))
			.field(field("payload", required(Scalars.JSON), "The change itself, a JSON object."))
			.field(field("status", required(ref("SyncStatus")), "Where the change stands."))
			.field(field("validationResults", Scalars.JSON,
					"Set by validateChange: {outcome, checked, failed, checks: [{field, kind (standard or "
							+ "guardrail), standardId/standardName/enforcementLevel or guardrailId/ruleId/"
							+ "severity/autoReject, rule, passed, value (failed standard checks), message}]}."))
			.field(field("impactAnalysis", Scalars.JSON,
					"Set by propagateChange: {rule (moduleType or project), "
							+ "sourceModuleId, moduleType, dashboardIds, dashboardCount}. " + IMPACT))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When the change was submitted."))
			.field(field("validatedAt", Scalars.DATE_TIME, "When it was validated or rejected."))
			.field(field("propagatedAt", Scalars.DATE_TIME, "When it was propagated."))
			.build();
	}

	static GraphQLObjectType propagation() {
		return GraphQLObjectType.newObject()
			.name("Propagation")
			.description("The propagation of a change to one dashboard (a row of propagation_log).")
			.field(field("id", required(GraphQLID), "The entry's id (UUID)."))
			.field(field("syncChangeId", required(GraphQLID), "The change propagated."))
			.field(field("affectedDashboardId", required(GraphQLID), "The dashboard it reached."))
			.field(field("propagationType", required(GraphQLString), "The change's changeType."))
			.field(field("status", required(ref("PropagationStatus")), "The outcome."))
			.field(field("errorMessage", GraphQLString, "What went wrong, if anything."))
			.field(field("tokenCost", GraphQLInt, "AI tokens the propagation cost, where known; else null."))
			.field(field("durationMs", GraphQLInt,
					"Milliseconds from the start of the propagation to this dashboard's entry."))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When the entry was written."))
			.build();
	}

	static GraphQLObjectType statusEvent() {
		return GraphQLObjectType.newObject()
			.name("SyncStatusEvent")
			.description("A change of a change's status in the Bin: submitted, validated or rejected, propagated.")
			.field(field("cursor", required(GraphQLString),
					"This event's cursor: pass it as `after` to resume right after it."))
			.field(field("change", required(ref("SyncChange")), "The change as it was right after this event."))
			.field(field("previousStatus", ref("SyncStatus"), "The status before; null on submission."))
			.field(field("newStatus", required(ref("SyncStatus")), "The status after."))
			.field(field("at", required(Scalars.DATE_TIME),
					"When: the change's createdAt, validatedAt or propagatedAt."))
			.build();
	}

	static GraphQLObjectType violationEvent() {
		return GraphQLObjectType.newObject()
			.name("ViolationDetectedEvent")
			.description("A metadata violation found while validating a change.")
			.field(field("cursor", required(GraphQLString),
					"This event's cursor: pass it as `after` to resume right after it."))
			.field(field("violation", required(ref("MetadataViolation")), "The violation as detected."))
			.field(field("enforcementLevel", required(ref("EnforcementLevel")),
					"The failed standard's enforcement level when the violation was detected."))
			.build();
	}

}

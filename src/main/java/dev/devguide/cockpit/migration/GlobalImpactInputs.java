package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.graphql.FieldSpec.enumValue;
import static dev.devguide.cockpit.graphql.FieldSpec.id;
import static dev.devguide.cockpit.graphql.FieldSpec.integer;
import static dev.devguide.cockpit.graphql.FieldSpec.integerList;
import static dev.devguide.cockpit.graphql.FieldSpec.jsonObject;
import static dev.devguide.cockpit.graphql.FieldSpec.longText;
import static dev.devguide.cockpit.graphql.FieldSpec.object;
import static dev.devguide.cockpit.graphql.FieldSpec.text;
import static dev.devguide.cockpit.graphql.FieldSpec.textList;
import static dev.devguide.cockpit.graphql.Sdl.inputObject;

import dev.devguide.cockpit.graphql.FieldSpec;
import graphql.schema.GraphQLInputObjectType;
import java.util.List;
import java.util.Map;

/** The arguments and input fields of global impacts, with their limits. */
final class GlobalImpactInputs {

	static final FieldSpec<String> CHANGE_TYPE = enumValue("changeType", "ImpactChangeType",
			"What kind of change it is (required).");

	static final FieldSpec<Map<String, Object>> CHANGE_DETAIL = jsonObject("changeDetail",
			"What exactly changes (required).");

	static final FieldSpec<List<String>> AFFECTED_WORKFLOWS = textList("affectedWorkflows", 50, 10,
			"The workflows affected, each WF<n> (e.g. WF1) (required; may be empty).");

	static final FieldSpec<List<Integer>> AFFECTED_LAYERS = integerList("affectedLayers", 0, 1_000, 50,
			"The layers affected (required; may be empty).");

	static final FieldSpec<String> IMPACT_DESCRIPTION = longText("impactDescription",
			"What the change affects and how (required).");

	static final FieldSpec<String> RISK_ASSESSMENT = enumValue("riskAssessment", "RiskLevel", "The risk (required).");

	static final FieldSpec<String> MITIGATION_STRATEGY = longText("mitigationStrategy", "How the risk is mitigated.");

	static final FieldSpec<String> IMPLEMENTATION_NOTES = longText("implementationNotes", "Notes on implementing it.");

	static final FieldSpec<Integer> PHASE_NUMBER = integer("phaseNumber", 1,
			"The phase the impact belongs to (an existing phase's number), or null for none.");

	static final FieldSpec<Map<String, Object>> INPUT = object("input", "GlobalImpactInput", "The impact.").nonNull();

	static final FieldSpec<String> ID = id("id", "The impact's id.").nonNull();

	static final FieldSpec<String> PERSONA = text("persona", 100,
			"The persona reviewing, e.g. Layer Guardians or DB Team Lead (required).")
		.nonNull();

	static final FieldSpec<String> RISK = enumValue("risk", "RiskLevel", "Only impacts of this risk.");

	static final FieldSpec<String> APPROVAL_STATUS = enumValue("approvalStatus", "ImpactApprovalStatus",
			"Only impacts in this approval status.");

	static final FieldSpec<String> WORKFLOW = text("workflow", 10,
			"Only impacts whose affectedWorkflows hold this workflow, e.g. WF1.");

	static final FieldSpec<Integer> LAYER = integer("layer", 0, "Only impacts whose affectedLayers hold this layer.");

	static final FieldSpec<Integer> PHASE = integer("phase", 1, "Only impacts of this phase.");

	private GlobalImpactInputs() {
	}

	static List<GraphQLInputObjectType> types() {
		return List.of(inputObject("GlobalImpactInput", "A global impact to record; it starts PENDING, unreviewed.",
				CHANGE_TYPE, CHANGE_DETAIL, AFFECTED_WORKFLOWS, AFFECTED_LAYERS, IMPACT_DESCRIPTION, RISK_ASSESSMENT,
				MITIGATION_STRATEGY, IMPLEMENTATION_NOTES, PHASE_NUMBER));
	}

}

package dev.devguide.cockpit.configuration;

import static dev.devguide.cockpit.graphql.FieldSpec.bool;
import static dev.devguide.cockpit.graphql.FieldSpec.enumValue;
import static dev.devguide.cockpit.graphql.FieldSpec.id;
import static dev.devguide.cockpit.graphql.FieldSpec.jsonObject;
import static dev.devguide.cockpit.graphql.FieldSpec.longText;
import static dev.devguide.cockpit.graphql.FieldSpec.object;
import static dev.devguide.cockpit.graphql.FieldSpec.text;
import static dev.devguide.cockpit.graphql.FieldSpec.token;
import static dev.devguide.cockpit.graphql.Sdl.inputObject;

import dev.devguide.cockpit.graphql.FieldSpec;
import graphql.schema.GraphQLInputObjectType;
import java.util.List;
import java.util.Map;

/** The arguments and input fields of templates and guardrails, each with its limit. */
final class ConfigurationInputs {

	/** The configuration keys the Bin's validateChange applies (see SyncChange). */
	static final String BIN_KEYS = "validateChange applies the keys valuePattern (with an optional fieldPattern), "
			+ "forbiddenFieldPattern, requiredFields and maxPayloadBytes; other keys are ignored, and a configuration "
			+ "that cannot be applied fails the check.";

	static final FieldSpec<String> TEMPLATE_NAME = text("name", 255, "Unique name (required on create).");

	static final FieldSpec<String> CATEGORY = text("category", 100,
			"workflow, dashboard or module (required on create).");

	static final FieldSpec<String> TEMPLATE_DESCRIPTION = longText("description", "What the template gives.");

	static final FieldSpec<Map<String, Object>> SPECIFICATION = jsonObject("specification",
			"The template (required on create).");

	static final FieldSpec<Boolean> COMMUNITY_APPROVED = bool("communityApproved",
			"Whether the community approved it.");

	static final FieldSpec<String> RULE_ID = text("ruleId", 100, "The rule's identifier (required on create).");

	static final FieldSpec<String> RULE_DESCRIPTION = longText("description",
			"What the rule demands (required on create).");

	static final FieldSpec<String> SEVERITY = enumValue("severity", "Severity",
			"How serious a violation is (required on create).");

	static final FieldSpec<Boolean> AUTO_REJECT = bool("autoReject",
			"Whether a violation rejects the change (default false).");

	static final FieldSpec<Map<String, Object>> CONFIGURATION = jsonObject("configuration",
			"Rule-specific settings. " + BIN_KEYS
					+ " A configuration that cannot be applied is refused here (BAD_REQUEST on input.configuration).");

	static final FieldSpec<Boolean> ENABLED = bool("enabled", "Whether the rule is checked (default true).");

	static final FieldSpec<String> ID = id("id", "The id.").nonNull();

	static final FieldSpec<String> CATEGORY_FILTER = token("category", 100,
			"Only templates of this category (workflow, dashboard, module).");

	static final FieldSpec<String> GUARDRAIL_PROJECT = id("projectId", "The project, or null for a system guardrail.");

	static final FieldSpec<String> PROJECT_FILTER = GUARDRAIL_PROJECT
		.describedAs("Only the system guardrails and this project's.");

	static final FieldSpec<Map<String, Object>> TEMPLATE_INPUT = object("input", "TemplateInput", "The fields to set.")
		.nonNull();

	static final FieldSpec<Map<String, Object>> GUARDRAIL_INPUT = object("input", "GuardrailInput",
			"The fields to set.")
		.nonNull();

	private ConfigurationInputs() {
	}

	static List<GraphQLInputObjectType> types() {
		return List.of(
				inputObject("TemplateInput", "Fields of a template. On update, omitted fields keep their value.",
						TEMPLATE_NAME, CATEGORY, TEMPLATE_DESCRIPTION, SPECIFICATION, COMMUNITY_APPROVED),
				inputObject("GuardrailInput", "Fields of a guardrail. On update, omitted fields keep their value.",
						RULE_ID, RULE_DESCRIPTION, SEVERITY, AUTO_REJECT, CONFIGURATION, ENABLED));
	}

}

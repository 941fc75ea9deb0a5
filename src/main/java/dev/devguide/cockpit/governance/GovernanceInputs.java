package dev.devguide.cockpit.governance;

import static dev.devguide.cockpit.graphql.FieldSpec.bool;
import static dev.devguide.cockpit.graphql.FieldSpec.dateTime;
import static dev.devguide.cockpit.graphql.FieldSpec.enumValue;
import static dev.devguide.cockpit.graphql.FieldSpec.id;
import static dev.devguide.cockpit.graphql.FieldSpec.longText;
import static dev.devguide.cockpit.graphql.FieldSpec.object;
import static dev.devguide.cockpit.graphql.FieldSpec.text;
import static dev.devguide.cockpit.graphql.Sdl.inputObject;

import dev.devguide.cockpit.graphql.FieldSpec;
import graphql.schema.GraphQLInputObjectType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The arguments and input fields of metadata standards and violations, with their limits.
 */
final class GovernanceInputs {

	static final FieldSpec<String> STANDARD_NAME = text("standardName", 100, "Unique name (required on create).");

	static final FieldSpec<String> CATEGORY = enumValue("category", "StandardCategory",
			"What it governs (required on create).");

	static final FieldSpec<String> PATTERN_REGEX = longText("patternRegex",
			"The RE2 pattern values must contain (required on create; must compile with RE2).");

	static final FieldSpec<String> FIELD_PATTERN = text("fieldPattern", 255,
			"The RE2 pattern over field paths (must compile with RE2; null: no field is checked). "
					+ GovernanceTypes.FIELD_PATHS);

	static final FieldSpec<String> VALIDATION_MESSAGE = longText("validationMessage",
			"The message recorded for a failing value.");

	static final FieldSpec<String> ENFORCEMENT_LEVEL = enumValue("enforcementLevel", "EnforcementLevel",
			"What a failure does (default ERROR).");

	static final FieldSpec<Boolean> ACTIVE = bool("active", "Whether the Bin applies it (default true).");

	static final FieldSpec<String> STATUS = enumValue("status", "ViolationStatus", "Only violations in this status.");

	static final FieldSpec<String> STANDARD_ID = id("standardId", 36, "Only violations of this standard.");

	static final FieldSpec<String> RESOURCE_TYPE = text("resourceType", 50,
			"Only violations of this kind of resource.");

	static final FieldSpec<String> PROJECT_ID = id("projectId", 36, "Only violations of this project.");

	static final FieldSpec<Instant> DETECTED_AFTER = dateTime("detectedAfter",
			"Only violations detected after this time.");

	static final FieldSpec<String> CATEGORY_FILTER = CATEGORY.describedAs("Only standards of this category.");

	static final FieldSpec<Boolean> ACTIVE_FILTER = ACTIVE
		.describedAs("Only active (true) or inactive (false) standards.");

	static final FieldSpec<Map<String, Object>> FILTER = object("filter", "MetadataViolationFilter",
			"Only violations matching all of these.");

	static final FieldSpec<Map<String, Object>> STANDARD_INPUT = object("input", "MetadataStandardInput",
			"The fields to set.")
		.nonNull();

	static final FieldSpec<String> ID = id("id", "The id.").nonNull();

	private GovernanceInputs() {
	}

	static List<GraphQLInputObjectType> types() {
		return List.of(
				inputObject("MetadataStandardInput",
						"Fields of a metadata standard. On update, omitted fields keep their value.", STANDARD_NAME,
						CATEGORY, PATTERN_REGEX, FIELD_PATTERN, VALIDATION_MESSAGE, ENFORCEMENT_LEVEL, ACTIVE),
				inputObject("MetadataViolationFilter",
						"Narrows the metadataViolations connection; all given conditions must hold.", STATUS,
						STANDARD_ID, RESOURCE_TYPE, PROJECT_ID, DETECTED_AFTER));
	}

}

package dev.devguide.cockpit.audit;

import static dev.devguide.cockpit.graphql.FieldSpec.dateTime;
import static dev.devguide.cockpit.graphql.FieldSpec.enumValue;
import static dev.devguide.cockpit.graphql.FieldSpec.id;
import static dev.devguide.cockpit.graphql.FieldSpec.object;
import static dev.devguide.cockpit.graphql.FieldSpec.text;
import static dev.devguide.cockpit.graphql.Sdl.inputObject;

import dev.devguide.cockpit.graphql.FieldSpec;
import graphql.schema.GraphQLInputObjectType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The filter of the auditLog connection, with its limits. */
final class AuditInputs {

	static final FieldSpec<String> PROJECT_ID = id("projectId", 36, "Only rows of this project.");

	static final FieldSpec<String> USER_ID = text("userId", 255, "Only actions of this user (token subject).");

	static final FieldSpec<String> ACTION = text("action", 100, "Only this action, e.g. dashboard.update.");

	static final FieldSpec<String> RESOURCE_TYPE = text("resourceType", 50,
			"Only rows about this kind of resource, e.g. dashboard.");

	static final FieldSpec<String> RESOURCE_ID = text("resourceId", 255, "Only rows about the resource of this id.");

	static final FieldSpec<String> STATUS = enumValue("status", "AuditStatus", "Only rows of this outcome.");

	static final FieldSpec<Instant> FROM = dateTime("from", "Only rows at or after this time.");

	static final FieldSpec<Instant> TO = dateTime("to", "Only rows before this time (must be after from).");

	static final FieldSpec<Map<String, Object>> FILTER = object("filter", "AuditLogFilter",
			"Only rows matching all of these.");

	private AuditInputs() {
	}

	static List<GraphQLInputObjectType> types() {
		return List.of(inputObject("AuditLogFilter",
				"Narrows the auditLog connection; all given conditions must hold (within what the caller may read).",
				PROJECT_ID, USER_ID, ACTION, RESOURCE_TYPE, RESOURCE_ID, STATUS, FROM, TO));
	}

}

package dev.devguide.cockpit.configuration;

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

/** The GraphQL types of templates and guardrails. */
final class ConfigurationTypes {

	private ConfigurationTypes() {
	}

	static GraphQLEnumType severity() {
		return GraphQLEnumType.newEnum()
			.name("Severity")
			.description("How serious a guardrail violation is.")
			.value("CRITICAL", "CRITICAL", "Must never happen.")
			.value("HIGH", "HIGH", "Serious.")
			.value("MEDIUM", "MEDIUM", "Worth attention.")
			.value("LOW", "LOW", "Minor.")
			.build();
	}

	static GraphQLObjectType template() {
		return GraphQLObjectType.newObject()
			.name("Template")
			.description("A workflow, dashboard or module template: a system row every user can read.")
			.field(field("id", required(GraphQLID), "The template's id (UUID)."))
			.field(field("name", required(GraphQLString), "The template's unique name."))
			.field(field("category", required(GraphQLString), "workflow, dashboard or module."))
			.field(field("description", GraphQLString, "What the template gives."))
			.field(field("specification", required(Scalars.JSON), "The template itself."))
			.field(field("createdBy", GraphQLString, "Who created it."))
			.field(field("communityApproved", required(GraphQLBoolean), "Whether the community approved it."))
			.field(field("downloadCount", required(GraphQLInt), "How often it was used."))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When it was created."))
			.build();
	}

	static GraphQLObjectType guardrail() {
		return GraphQLObjectType.newObject()
			.name("Guardrail")
			.description("A rule that changes are checked against: a project's own, or a system rule.")
			.field(field("id", required(GraphQLID), "The guardrail's id (UUID)."))
			.field(field("projectId", GraphQLID, "The project it belongs to; null for a system guardrail."))
			.field(field("ruleId", required(GraphQLString), "The rule's identifier."))
			.field(field("description", required(GraphQLString), "What the rule demands."))
			.field(field("severity", required(ref("Severity")), "How serious a violation is."))
			.field(field("autoReject", required(GraphQLBoolean), "Whether a violation rejects the change outright."))
			.field(field("configuration", Scalars.JSON, "Rule-specific settings. " + ConfigurationInputs.BIN_KEYS))
			.field(field("enabled", required(GraphQLBoolean), "Whether the rule is checked."))
			.field(field("system", required(GraphQLBoolean), "True for a system guardrail (no project)."))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When it was created."))
			.build();
	}

}

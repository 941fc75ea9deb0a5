package dev.devguide.cockpit.configuration;

import static dev.devguide.cockpit.graphql.Sdl.arg;
import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.input;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Scalars;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import dev.devguide.cockpit.project.Project;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLObjectType;
import java.util.List;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/** Templates and guardrails in GraphQL, and {@code Project.guardrails}. */
@Component
class ConfigurationSchema implements SchemaContribution {

	static final String PROJECT_GUARDRAILS = "project.guardrails";

	/** The configuration keys the Bin's validateChange applies (see SyncChange). */
	static final String BIN_KEYS = "validateChange applies the keys valuePattern (with an optional fieldPattern), "
			+ "forbiddenFieldPattern, requiredFields and maxPayloadBytes; other keys are ignored, and a configuration "
			+ "that cannot be applied fails the check.";

	private final TemplateService templates;

	private final GuardrailService guardrails;

	ConfigurationSchema(TemplateService templates, GuardrailService guardrails, GuardrailRepository repository,
			BatchLoaderRegistry registry) {
		this.templates = templates;
		this.guardrails = guardrails;
		registry.<String, List<Guardrail>>forName(PROJECT_GUARDRAILS)
			.registerMappedBatchLoader((ids, env) -> repository.findByProjectIdsWithSystem(ids)
				.collectList()
				.map(rows -> ProjectGuardrails.distribute(ids, rows)));
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.type(GraphQLEnumType.newEnum()
			.name("Severity")
			.description("How serious a guardrail violation is.")
			.value("CRITICAL", "CRITICAL", "Must never happen.")
			.value("HIGH", "HIGH", "Serious.")
			.value("MEDIUM", "MEDIUM", "Worth attention.")
			.value("LOW", "LOW", "Minor.")
			.build());
		schema.type(templateType());
		schema.type(guardrailType());
		schema.type(templateInput());
		schema.type(guardrailInput());
		schema.query(
				field("templates", required(list(required(ref("Template")))),
						"All templates (system rows, readable by every user), by name.",
						arg("category", GraphQLString,
								"Only templates of this category (workflow, dashboard, module).")),
				env -> templates.list(env.getArgument("category")));
		schema.query(
				field("guardrails", required(list(required(ref("Guardrail")))),
						"The system guardrails and those of the caller's projects (admins: all projects').",
						arg("projectId", GraphQLID, "Only the system guardrails and this project's.")),
				env -> guardrails.list(env.getArgument("projectId")));
		schema.field("Project",
				field("guardrails", required(list(required(ref("Guardrail")))),
						"The guardrails that apply to this project: its own and the system ones."),
				env -> env.<String, List<Guardrail>>getDataLoader(PROJECT_GUARDRAILS)
					.load(((Project) env.getSource()).id()));
		mutations(schema);
	}

	private void mutations(SchemaParts schema) {
		schema.mutation(
				field("createTemplate", required(ref("Template")), "Creates a template (admins only).",
						arg("input", required(ref("TemplateInput")), "The fields to set.")),
				env -> templates.create(inputOf(env)));
		schema.mutation(
				field("updateTemplate", required(ref("Template")),
						"Changes the given fields of a template (admins only).", id("template"),
						arg("input", required(ref("TemplateInput")), "The fields to set.")),
				env -> templates.update(env.getArgument("id"), inputOf(env)));
		schema.mutation(
				field("deleteTemplate", required(GraphQLID), "Deletes a template (admins only).", id("template")),
				env -> templates.delete(env.getArgument("id")));
		schema.mutation(field("createGuardrail", required(ref("Guardrail")),
				"Creates a guardrail for a project (its owner), or a system guardrail (admins) when projectId is null.",
				arg("projectId", GraphQLID, "The project, or null for a system guardrail."),
				arg("input", required(ref("GuardrailInput")), "The fields to set.")),
				env -> guardrails.create(env.getArgument("projectId"), inputOf(env)));
		schema.mutation(
				field("updateGuardrail", required(ref("Guardrail")), "Changes the given fields of a guardrail.",
						id("guardrail"), arg("input", required(ref("GuardrailInput")), "The fields to set.")),
				env -> guardrails.update(env.getArgument("id"), inputOf(env)));
		schema.mutation(field("deleteGuardrail", required(GraphQLID), "Deletes a guardrail.", id("guardrail")),
				env -> guardrails.delete(env.getArgument("id")));
	}

	private static GraphQLObjectType templateType() {
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

	private static GraphQLObjectType guardrailType() {
		return GraphQLObjectType.newObject()
			.name("Guardrail")
			.description("A rule that changes are checked against: a project's own, or a system rule.")
			.field(field("id", required(GraphQLID), "The guardrail's id (UUID)."))
			.field(field("projectId", GraphQLID, "The project it belongs to; null for a system guardrail."))
			.field(field("ruleId", required(GraphQLString), "The rule's identifier."))
			.field(field("description", required(GraphQLString), "What the rule demands."))
			.field(field("severity", required(ref("Severity")), "How serious a violation is."))
			.field(field("autoReject", required(GraphQLBoolean), "Whether a violation rejects the change outright."))
			.field(field("configuration", Scalars.JSON, "Rule-specific settings. " + BIN_KEYS))
			.field(field("enabled", required(GraphQLBoolean), "Whether the rule is checked."))
			.field(field("system", required(GraphQLBoolean), "True for a system guardrail (no project)."))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When it was created."))
			.build();
	}

	private static GraphQLInputObjectType templateInput() {
		return GraphQLInputObjectType.newInputObject()
			.name("TemplateInput")
			.description("Fields of a template. On update, omitted fields keep their value.")
			.field(input("name", GraphQLString, "Unique name (required on create, at most 255 characters)."))
			.field(input("category", GraphQLString, "workflow, dashboard or module (required on create)."))
			.field(input("description", GraphQLString, "What the template gives."))
			.field(input("specification", Scalars.JSON, "The template, a JSON object (required on create)."))
			.field(input("communityApproved", GraphQLBoolean, "Whether the community approved it."))
			.build();
	}

	private static GraphQLInputObjectType guardrailInput() {
		return GraphQLInputObjectType.newInputObject()
			.name("GuardrailInput")
			.description("Fields of a guardrail. On update, omitted fields keep their value.")
			.field(input("ruleId", GraphQLString,
					"The rule's identifier (required on create, at most 100 characters)."))
			.field(input("description", GraphQLString, "What the rule demands (required on create)."))
			.field(input("severity", ref("Severity"), "How serious a violation is (required on create)."))
			.field(input("autoReject", GraphQLBoolean, "Whether a violation rejects the change (default false)."))
			.field(input("configuration", Scalars.JSON, "Rule-specific settings, a JSON object. " + BIN_KEYS
					+ " A configuration that cannot be applied is refused here (BAD_REQUEST on input.configuration)."))
			.field(input("enabled", GraphQLBoolean, "Whether the rule is checked (default true)."))
			.build();
	}

	private static graphql.schema.GraphQLArgument id(String what) {
		return arg("id", required(GraphQLID), "The " + what + "'s id.");
	}

	private static Input inputOf(DataFetchingEnvironment env) {
		return new Input(env.getArgument("input"), "input");
	}

}

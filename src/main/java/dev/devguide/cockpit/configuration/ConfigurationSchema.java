package dev.devguide.cockpit.configuration;

import static dev.devguide.cockpit.configuration.ConfigurationInputs.CATEGORY_FILTER;
import static dev.devguide.cockpit.configuration.ConfigurationInputs.GUARDRAIL_INPUT;
import static dev.devguide.cockpit.configuration.ConfigurationInputs.GUARDRAIL_PROJECT;
import static dev.devguide.cockpit.configuration.ConfigurationInputs.ID;
import static dev.devguide.cockpit.configuration.ConfigurationInputs.PROJECT_FILTER;
import static dev.devguide.cockpit.configuration.ConfigurationInputs.TEMPLATE_INPUT;
import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import dev.devguide.cockpit.project.Dashboard;
import dev.devguide.cockpit.project.Project;
import graphql.schema.GraphQLArgument;
import org.springframework.stereotype.Component;

/**
 * Templates and guardrails in GraphQL, and the relations of the hierarchy to them:
 * {@code Project.guardrails} and {@code Dashboard.template}.
 */
@Component
class ConfigurationSchema implements SchemaContribution {

	private final TemplateService templates;

	private final GuardrailService guardrails;

	ConfigurationSchema(TemplateService templates, GuardrailService guardrails) {
		this.templates = templates;
		this.guardrails = guardrails;
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.type(ConfigurationTypes.severity())
			.object(ConfigurationTypes.template(), Template.class)
			.object(ConfigurationTypes.guardrail(), Guardrail.class);
		ConfigurationInputs.types().forEach(schema::type);
		schema.query(
				field("templates", required(list(required(ref("Template")))),
						"All templates (system rows, readable by every user), by name.", CATEGORY_FILTER.argument()),
				env -> templates.list(Input.arguments(env).optional(CATEGORY_FILTER)));
		schema.query(
				field("guardrails", required(list(required(ref("Guardrail")))),
						"The system guardrails and those of the caller's projects (admins: all projects').",
						PROJECT_FILTER.argument()),
				env -> guardrails.list(Input.arguments(env).optional(PROJECT_FILTER)));
		schema
			.relation("Project", "guardrails", required(list(required(ref("Guardrail")))),
					"The guardrails that apply to this project: its own and the system ones.",
					ConfigurationLoaders.PROJECT_GUARDRAILS, Project::id)
			.relation("Dashboard", "template", ref("Template"), "The template the dashboard was made from, if any.",
					ConfigurationLoaders.TEMPLATE, Dashboard::templateId);
		mutations(schema);
	}

	private void mutations(SchemaParts schema) {
		schema.mutation(
				field("createTemplate", required(ref("Template")), "Creates a template (admins only).",
						TEMPLATE_INPUT.argument()),
				env -> templates.create(Input.arguments(env).object(TEMPLATE_INPUT)));
		schema.mutation(field("updateTemplate", required(ref("Template")),
				"Changes the given fields of a template (admins only).", id("template"), TEMPLATE_INPUT.argument()),
				env -> {
					Input arguments = Input.arguments(env);
					return templates.update(arguments.required(ID), arguments.object(TEMPLATE_INPUT));
				});
		schema.mutation(
				field("deleteTemplate", required(GraphQLID), "Deletes a template (admins only).", id("template")),
				env -> templates.delete(Input.arguments(env).required(ID)));
		schema.mutation(field("createGuardrail", required(ref("Guardrail")),
				"Creates a guardrail for a project (its owner), or a system guardrail (admins) when projectId is null.",
				GUARDRAIL_PROJECT.argument(), GUARDRAIL_INPUT.argument()), env -> {
					Input arguments = Input.arguments(env);
					return guardrails.create(arguments.optional(GUARDRAIL_PROJECT), arguments.object(GUARDRAIL_INPUT));
				});
		schema.mutation(field("updateGuardrail", required(ref("Guardrail")), "Changes the given fields of a guardrail.",
				id("guardrail"), GUARDRAIL_INPUT.argument()), env -> {
					Input arguments = Input.arguments(env);
					return guardrails.update(arguments.required(ID), arguments.object(GUARDRAIL_INPUT));
				});
		schema.mutation(field("deleteGuardrail", required(GraphQLID), "Deletes a guardrail.", id("guardrail")),
				env -> guardrails.delete(Input.arguments(env).required(ID)));
	}

	private static GraphQLArgument id(String what) {
		return ID.describedAs("The " + what + "'s id.").argument();
	}

}

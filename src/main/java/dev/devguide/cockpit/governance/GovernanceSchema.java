package dev.devguide.cockpit.governance;

import static dev.devguide.cockpit.governance.GovernanceInputs.ACTIVE_FILTER;
import static dev.devguide.cockpit.governance.GovernanceInputs.CATEGORY_FILTER;
import static dev.devguide.cockpit.governance.GovernanceInputs.FILTER;
import static dev.devguide.cockpit.governance.GovernanceInputs.ID;
import static dev.devguide.cockpit.governance.GovernanceInputs.STANDARD_INPUT;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Connections;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Metadata standards and violations in GraphQL: the lists, the admin-only standard
 * mutations, the violation transitions and {@code MetadataViolation.standard} through a
 * DataLoader.
 */
@Component
class GovernanceSchema implements SchemaContribution {

	private final MetadataStandardService standards;

	private final ViolationService violations;

	GovernanceSchema(MetadataStandardService standards, ViolationService violations) {
		this.standards = standards;
		this.violations = violations;
	}

	@Override
	public void contribute(SchemaParts schema) {
		GovernanceTypes.enums().forEach(schema::type);
		schema.object(GovernanceTypes.standard(), MetadataStandard.class)
			.object(GovernanceTypes.violation(), MetadataViolation.class);
		GovernanceInputs.types().forEach(schema::type);
		Connections.define(schema, "MetadataViolation", "A page of metadata violations, newest first (then by id).");
		schema.query(field("metadataStandards", required(list(required(ref("MetadataStandard")))),
				"The metadata standards (readable by every user), by name.", CATEGORY_FILTER.argument(),
				ACTIVE_FILTER.argument()), env -> {
					Input arguments = Input.arguments(env);
					return standards.list(arguments.optional(CATEGORY_FILTER), arguments.optional(ACTIVE_FILTER));
				});
		schema.query(field("metadataViolations", required(ref("MetadataViolationConnection")),
				"The violations of the projects the caller may read (admins: all), newest first.",
				Connections.arguments(List.of(FILTER))), env -> {
					Input arguments = Input.arguments(env);
					return violations.page(arguments.object(FILTER), Connections.first(arguments),
							Connections.after(arguments));
				});
		schema.relation("MetadataViolation", "standard", required(ref("MetadataStandard")), "The standard that failed.",
				GovernanceLoaders.STANDARD, MetadataViolation::standardId);
		standardMutations(schema);
		violationMutations(schema);
	}

	private void standardMutations(SchemaParts schema) {
		GraphQLArgument input = STANDARD_INPUT.argument();
		schema.mutation(field("createMetadataStandard", required(ref("MetadataStandard")),
				"Creates a metadata standard (admins only). A pattern RE2 cannot compile is a BAD_REQUEST naming "
						+ "input.patternRegex or input.fieldPattern.",
				input), env -> standards.create(Input.arguments(env).object(STANDARD_INPUT)));
		schema.mutation(
				field("updateMetadataStandard", required(ref("MetadataStandard")),
						"Changes the given fields of a metadata standard (admins only).", id("standard"), input),
				env -> {
					Input arguments = Input.arguments(env);
					return standards.update(arguments.required(ID), arguments.object(STANDARD_INPUT));
				});
		schema.mutation(
				field("activateMetadataStandard", required(ref("MetadataStandard")),
						"Makes the Bin apply a standard again (admins only).", id("standard")),
				env -> standards.setActive(id(env), true));
		schema.mutation(
				field("deactivateMetadataStandard", required(ref("MetadataStandard")),
						"Stops the Bin applying a standard; its violations stay (admins only).", id("standard")),
				env -> standards.setActive(id(env), false));
	}

	private void violationMutations(SchemaParts schema) {
		String refused = " Any other current status is a BAD_REQUEST naming it, and nothing changes.";
		schema.mutation(
				field("resolveViolation", required(ref("MetadataViolation")),
						"Marks an OPEN violation RESOLVED by the caller, now." + refused, id("violation")),
				env -> violations.resolve(id(env)));
		schema.mutation(
				field("suppressViolation", required(ref("MetadataViolation")),
						"Marks an OPEN violation SUPPRESSED by the caller, now." + refused, id("violation")),
				env -> violations.suppress(id(env)));
		schema.mutation(field("reopenViolation", required(ref("MetadataViolation")),
				"Reopens a RESOLVED or SUPPRESSED violation (resolvedAt cleared, resolvedBy the caller)." + refused,
				id("violation")), env -> violations.reopen(id(env)));
	}

	private static GraphQLArgument id(String what) {
		return ID.describedAs("The " + what + "'s id.").argument();
	}

	private static String id(DataFetchingEnvironment env) {
		return Input.arguments(env).required(ID);
	}

}

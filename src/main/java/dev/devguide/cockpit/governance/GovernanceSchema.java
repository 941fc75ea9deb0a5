package dev.devguide.cockpit.governance;

import static dev.devguide.cockpit.graphql.Sdl.arg;
import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLID;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Connections;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import dev.devguide.cockpit.persistence.Batches;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;
import java.util.ArrayList;
import java.util.List;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Metadata standards and violations in GraphQL: the lists, the admin-only standard
 * mutations, the violation transitions and {@code MetadataViolation.standard} through a
 * DataLoader.
 */
@Component
class GovernanceSchema implements SchemaContribution {

	static final String STANDARD = "metadataStandard.byId";

	private final MetadataStandardService standards;

	private final ViolationService violations;

	GovernanceSchema(MetadataStandardService standards, ViolationService violations,
			MetadataStandardRepository repository, BatchLoaderRegistry registry) {
		this.standards = standards;
		this.violations = violations;
		registry.<String, MetadataStandard>forName(STANDARD)
			.registerMappedBatchLoader((ids, env) -> Batches.byId(repository.findByIds(ids), MetadataStandard::id));
	}

	@Override
	public void contribute(SchemaParts schema) {
		GovernanceTypes.enums().forEach(schema::type);
		schema.type(GovernanceTypes.standard());
		schema.type(GovernanceTypes.violation());
		GovernanceTypes.inputs().forEach(schema::type);
		Connections.define(schema, "MetadataViolation", "A page of metadata violations, newest first (then by id).");
		schema.query(
				field("metadataStandards", required(list(required(ref("MetadataStandard")))),
						"The metadata standards (readable by every user), by name.",
						arg("category", ref("StandardCategory"), "Only standards of this category."),
						arg("active", GraphQLBoolean, "Only active (true) or inactive (false) standards.")),
				env -> standards.list(env.getArgument("category"), env.getArgument("active")));
		List<GraphQLArgument> listArguments = new ArrayList<>(Connections.pagingArguments());
		listArguments.add(arg("filter", ref("MetadataViolationFilter"), "Only violations matching all of these."));
		schema.query(field("metadataViolations", required(ref("MetadataViolationConnection")),
				"The violations of the projects the caller may read (admins: all), newest first.", listArguments),
				env -> violations.page(new Input(env.getArgument("filter"), "filter"), Connections.first(env),
						env.getArgument("after")));
		schema.fetcher("MetadataViolation", "standard", env -> env.<String, MetadataStandard>getDataLoader(STANDARD)
			.load(((MetadataViolation) env.getSource()).standardId()));
		standardMutations(schema);
		violationMutations(schema);
	}

	private void standardMutations(SchemaParts schema) {
		GraphQLArgument input = arg("input", required(ref("MetadataStandardInput")), "The fields to set.");
		schema.mutation(field("createMetadataStandard", required(ref("MetadataStandard")),
				"Creates a metadata standard (admins only). A pattern RE2 cannot compile is a BAD_REQUEST naming "
						+ "input.patternRegex or input.fieldPattern.",
				input), env -> standards.create(input(env)));
		schema.mutation(
				field("updateMetadataStandard", required(ref("MetadataStandard")),
						"Changes the given fields of a metadata standard (admins only).", id("standard"), input),
				env -> standards.update(id(env), input(env)));
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
		return arg("id", required(GraphQLID), "The " + what + "'s id.");
	}

	private static String id(DataFetchingEnvironment env) {
		return env.getArgument("id");
	}

	private static Input input(DataFetchingEnvironment env) {
		return new Input(env.getArgument("input"), "input");
	}

}

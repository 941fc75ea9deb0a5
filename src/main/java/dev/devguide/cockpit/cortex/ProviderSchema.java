package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.ProviderInputs.BATCH_SIZE;
import static dev.devguide.cockpit.cortex.ProviderInputs.ID;
import static dev.devguide.cockpit.cortex.ProviderInputs.INPUT;
import static dev.devguide.cockpit.cortex.ProviderInputs.PROJECT_ID;
import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import dev.devguide.cockpit.project.Project;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Provider configurations in GraphQL: {@code Project.providers} through a DataLoader, the
 * owner's configure / update / remove, and the admins' key rotation.
 */
@Component
class ProviderSchema implements SchemaContribution {

	private static final int DEFAULT_BATCH = 200;

	private final ProviderService providers;

	ProviderSchema(ProviderService providers) {
		this.providers = providers;
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.object(ProviderTypes.provider(), ProviderConfiguration.class)
			.object(ProviderTypes.rotation(), ProviderKeyRotationResult.class)
			.type(ProviderInputs.type());
		schema.fetcher("ProviderConfiguration", "hasApiKey",
				env -> Objects.requireNonNull(env.<ProviderConfiguration>getSource()).apiKeyId() != null);
		schema.relation("Project", "providers", required(list(required(ref("ProviderConfiguration")))),
				"The project's AI provider configurations in fallback order: lowest priority first, then by provider.",
				ProviderLoaders.PROJECT_PROVIDERS, Project::id);
		schema.mutation(field("configureProvider", required(ref("ProviderConfiguration")),
				"Adds an AI provider to a project (its owner). A provider the project already has is a BAD_REQUEST "
						+ "naming input.provider. The apiKey is sealed and never returned.",
				PROJECT_ID.argument(), INPUT.argument()), env -> {
					Input arguments = Input.arguments(env);
					return providers.configure(arguments.required(PROJECT_ID), arguments.object(INPUT));
				});
		schema.mutation(field("updateProvider", required(ref("ProviderConfiguration")),
				"Changes the given fields of a provider configuration; apiKey null removes the key.", ID.argument(),
				INPUT.argument()), env -> {
					Input arguments = Input.arguments(env);
					return providers.update(arguments.required(ID), arguments.object(INPUT));
				});
		schema.mutation(
				field("removeProvider", required(GraphQLID),
						"Deletes a provider configuration with its key; returns its id.", ID.argument()),
				env -> providers.remove(Input.arguments(env).required(ID)));
		schema.mutation(field("rotateProviderKeys", required(ref("KeyRotation")),
				"Seals provider keys and tool grants' OAuth tokens that are under an older key of the key ring again "
						+ "under the primary key (admins only), up to batchSize rows in one transaction. Rows already "
						+ "under the primary are skipped, so it may be stopped at any point: call it until remaining "
						+ "is 0. The command line does the same: keys rotate.",
				BATCH_SIZE.argument()),
				env -> providers.rotateKeys(Input.arguments(env).orElse(BATCH_SIZE, DEFAULT_BATCH)));
	}

}

package dev.devguide.cockpit.bin;

import static dev.devguide.cockpit.graphql.Sdl.arg;
import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLString;

import dev.devguide.cockpit.graphql.Connections;
import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.graphql.Page;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import dev.devguide.cockpit.graphql.Scalars;
import dev.devguide.cockpit.project.Project;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The Bin in GraphQL: {@code syncChange}, {@code Project.syncBuffer}, the submit /
 * validate / propagate mutations and the relations of a change, each through a
 * DataLoader.
 */
@Component
class BinSchema implements SchemaContribution {

	private final BinService bin;

	BinSchema(BinService bin) {
		this.bin = bin;
	}

	@Override
	public void contribute(SchemaParts schema) {
		BinTypes.enums().forEach(schema::type);
		BinTypes.objects().forEach(schema::type);
		Connections.define(schema, "SyncChange", "A page of changes in the Bin, newest first (then by id).");
		schema.query(field("syncChange", required(ref("SyncChange")), "One change in the Bin by id.",
				arg("id", required(GraphQLID), "The change's id.")), env -> bin.get(env.getArgument("id")));
		List<GraphQLArgument> arguments = new ArrayList<>(Connections.pagingArguments());
		arguments.add(arg("status", ref("SyncStatus"), "Only changes in this status."));
		schema.field("Project", field("syncBuffer", required(ref("SyncChangeConnection")),
				"The project's changes in the Bin, newest first.", arguments), BinSchema::syncBuffer);
		schema.fetcher("SyncChange", "project", load("project.byId", SyncChange::projectId));
		schema.fetcher("SyncChange", "sourceModule", load("module.byId", SyncChange::sourceModuleId));
		schema.fetcher("SyncChange", "propagations", load(BinLoaders.PROPAGATIONS, SyncChange::id));
		schema.fetcher("Propagation", "affectedDashboard", load("dashboard.byId", Propagation::affectedDashboardId));
		mutations(schema);
	}

	private void mutations(SchemaParts schema) {
		GraphQLArgument id = arg("id", required(GraphQLID), "The change's id.");
		schema.mutation(field("submitChange", required(ref("SyncChange")),
				"Puts a change into the Bin as PENDING (the project's owner or an admin).",
				arg("projectId", required(GraphQLID), "The project the change belongs to."),
				arg("changeType", required(GraphQLString), "What kind of change it is (at most 100 characters)."),
				arg("sourceModuleId", GraphQLID,
						"The module it came from; must be a module of the project (else BAD_REQUEST)."),
				arg("payload", required(Scalars.JSON), "The change, a JSON object.")),
				env -> bin.submit(env.getArgument("projectId"), env.getArgument("changeType"),
						env.getArgument("sourceModuleId"), env.getArgument("payload")));
		schema.mutation(field("validateChange", required(ref("SyncChange")),
				"Validates a PENDING change: VALIDATED or REJECTED, with validationResults and a violation per "
						+ "failed standard check. " + BinTypes.VALIDATION
						+ " Any other status is a BAD_REQUEST naming it; of concurrent calls exactly one succeeds.",
				id), env -> bin.validate(env.getArgument("id")));
		schema.mutation(field("propagateChange", required(ref("SyncChange")),
				"Propagates a VALIDATED change: impactAnalysis, one Propagation per affected dashboard, "
						+ "PROPAGATED. " + BinTypes.IMPACT
						+ " Any other status is a BAD_REQUEST naming it; of concurrent calls exactly one succeeds.",
				id), env -> bin.propagate(env.getArgument("id")));
	}

	/**
	 * A page of the project's changes, through the loader that pages many projects at
	 * once.
	 */
	private static CompletableFuture<Page<SyncChange>> syncBuffer(DataFetchingEnvironment env) {
		String after = env.getArgument("after");
		BinLoaders.SyncBufferPage key = new BinLoaders.SyncBufferPage(((Project) env.getSource()).id(),
				env.getArgument("status"), Connections.first(env),
				after == null ? null : Cursors.decode(after, "after"));
		return env.<BinLoaders.SyncBufferPage, Page<SyncChange>>getDataLoader(BinLoaders.SYNC_BUFFER).load(key);
	}

	/** A fetcher loading the relation through the named DataLoader (null key: null). */
	static <S, V> DataFetcher<CompletableFuture<V>> load(String loader, Function<S, String> key) {
		return env -> {
			String value = key.apply(env.getSource());
			return value == null ? CompletableFuture.completedFuture(null)
					: env.<String, V>getDataLoader(loader).load(value);
		};
	}

}

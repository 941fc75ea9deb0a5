package dev.devguide.cockpit.bin;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLFloat;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.FieldSpec;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Scalars;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import dev.devguide.cockpit.project.ProjectLoaders;
import dev.devguide.cockpit.project.ProjectScope;
import dev.devguide.cockpit.security.CallerContext;
import graphql.schema.GraphQLObjectType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The high-impact changes report (the spec's HTAP query) in GraphQL: the caller's changes
 * of the last days that reached many dashboards, by token cost, in one statement.
 */
@Component
class HighImpactChangesSchema implements SchemaContribution {

	private static final int MAX_PROJECTS = 200;

	private static final FieldSpec<List<String>> PROJECT_IDS = FieldSpec.idList("projectIds", MAX_PROJECTS,
			"The projects; those the caller may not read count nothing. Default: every project the caller may read.");

	private static final FieldSpec<Integer> DAYS = FieldSpec.integer("days", 1, 366,
			"How many days back from now (default 7).");

	private static final FieldSpec<Integer> MIN_DASHBOARDS = FieldSpec.integer("minAffectedDashboards", 1, 100_000,
			"Only changes that reached at least this many distinct dashboards (default 4: the spec's "
					+ "HAVING affected_dashboards > 3).");

	private static final FieldSpec<Integer> LIMIT = FieldSpec.integer("limit", 1, 100,
			"How many changes at most (default 10).");

	private final HighImpactChangeRepository report;

	HighImpactChangesSchema(HighImpactChangeRepository report) {
		this.report = report;
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.object(type(), HighImpactChange.class);
		schema.query(field("highImpactChanges", required(list(required(ref("HighImpactChange")))),
				"Changes of the last days whose propagations reached the most dashboards, by the token cost summed "
						+ "over their propagations, highest first.",
				PROJECT_IDS.argument(), DAYS.argument(), MIN_DASHBOARDS.argument(), LIMIT.argument()), env -> {
					Input arguments = Input.arguments(env);
					List<String> projects = arguments.optional(PROJECT_IDS);
					Instant since = Instant.now().minus(Duration.ofDays(arguments.orElse(DAYS, 7)));
					int minimum = arguments.orElse(MIN_DASHBOARDS, 4);
					int limit = arguments.orElse(LIMIT, 10);
					return CallerContext.current()
						.flatMapMany(caller -> report.report(ProjectScope.of(caller, projects), since, minimum, limit))
						.collectList();
				});
		schema.relation("HighImpactChange", "change", required(ref("SyncChange")), "The change.",
				BinLoaders.SYNC_CHANGE, HighImpactChange::changeId);
		schema.relation("HighImpactChange", "project", required(ref("Project")), "The change's project.",
				ProjectLoaders.PROJECT, HighImpactChange::projectId);
	}

	private static GraphQLObjectType type() {
		return GraphQLObjectType.newObject()
			.name("HighImpactChange")
			.description("A change of the Bin that reached many dashboards.")
			.field(field("changeId", required(GraphQLID), "The change's id."))
			.field(field("projectId", required(GraphQLID), "Its project's id."))
			.field(field("changeType", required(GraphQLString), "What kind of change it is."))
			.field(field("createdAt", required(Scalars.DATE_TIME), "When it entered the Bin."))
			.field(field("affectedDashboards", required(Scalars.LONG),
					"How many distinct dashboards its propagations reached."))
			.field(field("totalTokenCost", required(Scalars.LONG),
					"The token cost summed over its propagations (0 where none was recorded)."))
			.field(field("averageDurationMs", GraphQLFloat,
					"The average duration of its propagations, in milliseconds (null when none was recorded)."))
			.build();
	}

}

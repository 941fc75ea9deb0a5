package dev.devguide.cockpit.monitoring;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.CLOCK_INPUT;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.COMPONENT_NAMES;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.EVENT_AFTER;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.FILES;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.FROM;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.HISTORY_COMPONENT;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.HISTORY_PATH;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.MODIFIED_AFTER;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.PATH_PREFIX;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.PROJECT_ID;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.TO;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.graphql.Connections;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.RootAccess;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import dev.devguide.cockpit.graphql.SharedSubscriptions;
import dev.devguide.cockpit.graphql.SharedSubscriptions.Joining;
import dev.devguide.cockpit.security.CallerContext;
import graphql.schema.GraphQLObjectType;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Filesystem timestamps and clock synchronisation in GraphQL: the two ingest mutations
 * (open to the ingest service), the project's captures and one file's history (its owner
 * and admins), the clock status and history (every user), and {@code clockDriftChanged}.
 */
@Component
class MonitoringSchema implements SchemaContribution {

	private final FilesystemTimestampService timestamps;

	private final ClockSyncService clocks;

	MonitoringSchema(FilesystemTimestampService timestamps, ClockSyncService clocks) {
		this.timestamps = timestamps;
		this.clocks = clocks;
	}

	@Override
	public void contribute(SchemaParts schema) {
		MonitoringTypes.enums().forEach(schema::type);
		MonitoringInputs.types().forEach(schema::type);
		schema.object(MonitoringTypes.filesystemTimestamp(), FilesystemTimestamp.class)
			.object(MonitoringTypes.capture(), FilesystemCapture.class)
			.object(MonitoringTypes.clockSync(), ClockSync.class)
			.object(driftEvent(), ClockDriftEvent.class);
		Connections.define(schema, "FilesystemTimestamp",
				"A page of a project's filesystem captures, newest capture first (then by id).");
		Connections.define(schema, "ClockSync", "A page of clock readings, newest lastSyncAt first (then by id).");
		filesystem(schema);
		clock(schema);
	}

	private void filesystem(SchemaParts schema) {
		schema.mutation(field("captureFilesystemTimestamps", required(ref("FilesystemCapture")), "Records 1 to "
				+ MonitoringInputs.MAX_FILES + " files' MAC times for a project, all or none, with "
				+ "one capture time. Every time is UTC (the DateTime scalar refuses anything but Z). The "
				+ "project's owner, admins and the ingest service (role ingest, any project) may capture. A bad "
				+ "entry is a BAD_REQUEST naming entries[i].<field>, and nothing is written.",
				PROJECT_ID.describedAs("The project the files belong to.").argument(), FILES.argument()), env -> {
					Input arguments = Input.arguments(env);
					return timestamps.capture(arguments.required(PROJECT_ID), arguments);
				}, RootAccess.ALSO_SERVICES);
		schema.query(field("filesystemTimestamps", required(ref("FilesystemTimestampConnection")),
				"The project's captured file times, newest capture first (its owner and admins).",
				Connections.arguments(List.of(PROJECT_ID, PATH_PREFIX, MODIFIED_AFTER))), env -> {
					Input arguments = Input.arguments(env);
					return timestamps.page(arguments.required(PROJECT_ID), arguments.optional(PATH_PREFIX),
							arguments.optional(MODIFIED_AFTER), Connections.first(arguments),
							Connections.after(arguments));
				});
		schema.query(field("fileHistory", required(list(required(ref("FilesystemTimestamp")))),
				"Every capture of one file of the project, oldest first, so that one sees when its times and "
						+ "commit changed (its owner and admins).",
				PROJECT_ID.argument(), HISTORY_PATH.argument()), env -> {
					Input arguments = Input.arguments(env);
					return timestamps.history(arguments.required(PROJECT_ID), arguments.required(HISTORY_PATH))
						.collectList();
				});
	}

	private void clock(SchemaParts schema) {
		schema.mutation(field("recordClockSync", required(list(required(ref("ClockSync")))),
				"Records 1 to " + MonitoringInputs.MAX_READINGS + " clock readings, all or none, kept as history "
						+ "(the ingest service and admins). Each reading's status is derived: ERROR with an error "
						+ "message, else DRIFTING at 10,000 microseconds or more either way, else SYNCHRONIZED. A bad "
						+ "reading is a BAD_REQUEST naming input.entries[i].<field>, and nothing is written.",
				CLOCK_INPUT.argument()), env -> clocks.record(Input.arguments(env)), RootAccess.ALSO_SERVICES);
		schema.query(field("clockSyncStatus", required(list(required(ref("ClockSync")))),
				"The latest reading of every component (greatest lastSyncAt, then id), by component name. Readable "
						+ "by every user: it is system monitoring and holds no project's data.",
				new graphql.schema.GraphQLArgument[0]), env -> clocks.current());
		schema.query(field("clockSyncHistory", required(ref("ClockSyncConnection")),
				"Clock readings, newest lastSyncAt first (every user).",
				Connections.arguments(List.of(HISTORY_COMPONENT, FROM, TO))), env -> {
					Input arguments = Input.arguments(env);
					return clocks.history(arguments.optional(HISTORY_COMPONENT), arguments.optional(FROM),
							arguments.optional(TO), Connections.first(arguments), Connections.after(arguments));
				});
		schema.subscription(field("clockDriftChanged", required(ref("ClockDriftEvent")),
				"Each change of a component's derived clock status (the status of its latest reading), in commit "
						+ "order, each once, on every server instance (every user).",
				COMPONENT_NAMES.argument(), EVENT_AFTER.argument()), env -> {
					Input arguments = Input.arguments(env);
					String after = arguments.optional(EVENT_AFTER);
					List<String> components = arguments.optional(COMPONENT_NAMES);
					Mono<?> access = CallerContext.current();
					SharedSubscriptions.admitWith(env, access,
							after == null ? Joining.ANY_TIME : Joining.BEFORE_FIRST_RESULT);
					return access.flatMapMany(caller -> clocks.changes(components, after));
				});
	}

	private static GraphQLObjectType driftEvent() {
		return GraphQLObjectType.newObject()
			.name("ClockDriftEvent")
			.description("A component's derived clock status changed.")
			.field(field("cursor", required(GraphQLString),
					"This event's cursor: pass it as `after` to resume right after it."))
			.field(field("componentName", required(GraphQLString), "The component."))
			.field(field("previousStatus", ref("ClockStatus"),
					"Its status before (null: this is the component's first reading)."))
			.field(field("status", required(ref("ClockStatus")), "Its status now."))
			.field(field("reading", required(ref("ClockSync")), "The reading that is now the component's latest."))
			.build();
	}

}

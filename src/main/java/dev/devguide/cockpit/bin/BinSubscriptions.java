package dev.devguide.cockpit.bin;

import static dev.devguide.cockpit.graphql.Sdl.arg;
import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLString;
import static graphql.schema.GraphQLList.list;

import dev.devguide.cockpit.events.OutboxEvent;
import dev.devguide.cockpit.events.ProjectEvents;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import dev.devguide.cockpit.project.ProjectService;
import graphql.schema.GraphQLArgument;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The Bin's live events: {@code syncBufferStatusChanged} and {@code violationDetected},
 * over WebSocket (graphql-transport-ws) and server-sent events. A subscription is
 * authorized like {@code project(id)} before anything streams, then follows the project's
 * committed outbox events (gap-free, in commit order, resumable with {@code after}) and
 * keeps those its arguments select. Each value is built from the event's payload alone.
 */
@Component
class BinSubscriptions implements SchemaContribution {

	private static final String AFTER = "Resume right after this event cursor (an earlier event's `cursor`): "
			+ "every matching event since then is delivered first, then live ones. Without it, only events "
			+ "committed from now on.";

	private final ProjectService projects;

	private final ProjectEvents events;

	BinSubscriptions(ProjectService projects, ProjectEvents events) {
		this.projects = projects;
		this.events = events;
	}

	@Override
	public void contribute(SchemaParts schema) {
		GraphQLArgument project = arg("projectId", required(GraphQLID),
				"The project (the caller must own it or be an admin; else FORBIDDEN, or NOT_FOUND).");
		GraphQLArgument after = arg("after", GraphQLString, AFTER);
		schema.subscription(field("syncBufferStatusChanged", required(ref("SyncStatusEvent")),
				"Each status change of the project's changes in the Bin (submit, validate, propagate), in commit "
						+ "order, each once.",
				project,
				arg("statuses", list(required(ref("SyncStatus"))),
						"Only events whose newStatus is one " + "of these (default: all)."),
				after),
				env -> statusChanges(env.getArgument("projectId"), env.getArgument("statuses"),
						env.getArgument("after")));
		schema.subscription(field("violationDetected", required(ref("ViolationDetectedEvent")),
				"Each metadata violation detected while validating the project's changes, in commit order, each "
						+ "once.",
				project, arg("standardIds", list(required(GraphQLID)), "Only violations of these standards."),
				arg("enforcementLevels", list(required(ref("EnforcementLevel"))),
						"Only violations of standards at these levels."),
				after),
				env -> violations(env.getArgument("projectId"), env.getArgument("standardIds"),
						env.getArgument("enforcementLevels"), env.getArgument("after")));
	}

	Flux<SyncStatusEvent> statusChanges(String projectId, List<String> statuses, String after) {
		return stream(projectId, after, BinEvents.SYNC_STATUS_CHANGED)
			.filter(event -> statuses == null || statuses.contains((String) event.payload().get("newStatus")))
			.map(event -> new SyncStatusEvent(event.cursor(),
					BinEvents.change((Map<?, ?>) event.payload().get("change")),
					(String) event.payload().get("previousStatus"), (String) event.payload().get("newStatus"),
					BinEvents.instant(event.payload().get("at"))));
	}

	Flux<ViolationDetectedEvent> violations(String projectId, List<String> standardIds, List<String> levels,
			String after) {
		return stream(projectId, after, BinEvents.VIOLATION_DETECTED)
			.filter(event -> standardIds == null || standardIds.contains((String) event.payload().get("standardId")))
			.filter(event -> levels == null || levels.contains((String) event.payload().get("enforcementLevel")))
			.map(event -> new ViolationDetectedEvent(event.cursor(),
					BinEvents.violation((Map<?, ?>) event.payload().get("violation")),
					(String) event.payload().get("enforcementLevel")));
	}

	/**
	 * The project's events of one type, once the caller is allowed to read the project.
	 */
	private Flux<OutboxEvent> stream(String projectId, String after, String type) {
		return projects.get(projectId)
			.flatMapMany(project -> Flux.defer(() -> events.stream(projectId, after)))
			.filter(event -> type.equals(event.type()));
	}

}

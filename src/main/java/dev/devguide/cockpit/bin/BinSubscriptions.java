package dev.devguide.cockpit.bin;

import static dev.devguide.cockpit.bin.BinInputs.AFTER;
import static dev.devguide.cockpit.bin.BinInputs.ENFORCEMENT_LEVELS;
import static dev.devguide.cockpit.bin.BinInputs.STANDARD_IDS;
import static dev.devguide.cockpit.bin.BinInputs.STATUSES;
import static dev.devguide.cockpit.bin.BinInputs.SUBSCRIBED_PROJECT;

import static dev.devguide.cockpit.graphql.Sdl.field;
import static dev.devguide.cockpit.graphql.Sdl.ref;
import static dev.devguide.cockpit.graphql.Sdl.required;

import dev.devguide.cockpit.events.OutboxEvent;
import dev.devguide.cockpit.events.ProjectEvents;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.SchemaContribution;
import dev.devguide.cockpit.graphql.SchemaParts;
import dev.devguide.cockpit.graphql.SharedSubscriptions;
import dev.devguide.cockpit.graphql.SharedSubscriptions.Joining;
import graphql.schema.DataFetchingEnvironment;
import dev.devguide.cockpit.project.ProjectService;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Bin's live events: {@code syncBufferStatusChanged} and {@code violationDetected},
 * over WebSocket (graphql-transport-ws) and server-sent events. A subscription is
 * authorized like {@code project(id)} before anything streams, then follows the project's
 * committed outbox events (gap-free, in commit order, resumable with {@code after}) and
 * keeps those its arguments select. Each value is built from the event's payload alone.
 */
@Component
class BinSubscriptions implements SchemaContribution {

	private final ProjectService projects;

	private final ProjectEvents events;

	private final BinEvents binEvents;

	BinSubscriptions(ProjectService projects, ProjectEvents events, BinEvents binEvents) {
		this.projects = projects;
		this.events = events;
		this.binEvents = binEvents;
	}

	@Override
	public void contribute(SchemaParts schema) {
		schema.subscription(field("syncBufferStatusChanged", required(ref("SyncStatusEvent")),
				"Each status change of the project's changes in the Bin (submit, validate, propagate), in commit "
						+ "order, each once.",
				SUBSCRIBED_PROJECT.argument(), STATUSES.argument(), AFTER.argument()), env -> {
					Input arguments = Input.arguments(env);
					String projectId = arguments.required(SUBSCRIBED_PROJECT);
					String after = arguments.optional(AFTER);
					return statusChanges(access(env, projectId, after), projectId, arguments.optional(STATUSES), after);
				});
		schema.subscription(field("violationDetected", required(ref("ViolationDetectedEvent")),
				"Each metadata violation detected while validating the project's changes, in commit order, each "
						+ "once.",
				SUBSCRIBED_PROJECT.argument(), STANDARD_IDS.argument(), ENFORCEMENT_LEVELS.argument(),
				AFTER.argument()), env -> {
					Input arguments = Input.arguments(env);
					String projectId = arguments.required(SUBSCRIBED_PROJECT);
					String after = arguments.optional(AFTER);
					return violations(access(env, projectId, after), projectId, arguments.optional(STANDARD_IDS),
							arguments.optional(ENFORCEMENT_LEVELS), after);
				});
	}

	/**
	 * The check a subscription to the project starts with, declared so that subscribers
	 * joining a shared rendering pass it too. A live subscription may join one at any
	 * time; one that resumes after a cursor only before it delivered anything.
	 */
	private Mono<?> access(DataFetchingEnvironment env, String projectId, @Nullable String after) {
		Mono<?> access = projects.get(projectId);
		SharedSubscriptions.admitWith(env, access, after == null ? Joining.ANY_TIME : Joining.BEFORE_FIRST_RESULT);
		return access;
	}

	Flux<SyncStatusEvent> statusChanges(Mono<?> access, String projectId, @Nullable List<String> statuses,
			@Nullable String after) {
		return stream(access, projectId, after, BinEvents.SYNC_STATUS_CHANGED)
			.filter(event -> statuses == null || statuses.contains((String) event.payload().get("newStatus")))
			.map(event -> new SyncStatusEvent(event.cursor(),
					binEvents.change((Map<?, ?>) BinEvents.carried(event.payload(), "change")),
					(String) event.payload().get("previousStatus"),
					(String) BinEvents.carried(event.payload(), "newStatus"),
					BinEvents.instant(BinEvents.carried(event.payload(), "at"))));
	}

	Flux<ViolationDetectedEvent> violations(Mono<?> access, String projectId, @Nullable List<String> standardIds,
			@Nullable List<String> levels, @Nullable String after) {
		return stream(access, projectId, after, BinEvents.VIOLATION_DETECTED)
			.filter(event -> standardIds == null || standardIds.contains((String) event.payload().get("standardId")))
			.filter(event -> levels == null || levels.contains((String) event.payload().get("enforcementLevel")))
			.map(event -> new ViolationDetectedEvent(event.cursor(),
					BinEvents.violation((Map<?, ?>) BinEvents.carried(event.payload(), "violation")),
					(String) BinEvents.carried(event.payload(), "enforcementLevel")));
	}

	/**
	 * The project's events of one type, once the caller is allowed to read the project.
	 */
	private Flux<OutboxEvent> stream(Mono<?> access, String projectId, @Nullable String after, String type) {
		return access.flatMapMany(project -> Flux.defer(() -> events.stream(projectId, after)))
			.filter(event -> type.equals(event.type()));
	}

}

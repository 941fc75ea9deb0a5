package dev.devguide.cockpit.monitoring;

import static dev.devguide.cockpit.monitoring.MonitoringInputs.CLOCK_INPUT;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.COMPONENT_NAME;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.ERROR_MESSAGE;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.LAST_SYNC_AT;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.OFFSET;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.PROTOCOL;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.READINGS;
import static dev.devguide.cockpit.monitoring.MonitoringInputs.STRATUM;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.events.EventOutbox;
import dev.devguide.cockpit.events.ProjectEvents;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records clock readings (the ingest service and admins), with their status derived
 * ({@link ClockSyncStatus}), kept as history; reads the latest reading per component and
 * the history (every user: it is system monitoring and holds no project's data). A batch
 * whose readings change a component's current status (the status of its latest reading:
 * greatest lastSyncAt, then greatest id) appends one outbox event per such component in
 * the same transaction.
 */
@Service
public class ClockSyncService {

	/** The order that makes a reading its component's latest. */
	static final Comparator<ClockSync> LATEST = Comparator.comparing(ClockSync::lastSyncAt)
		.thenComparing(ClockSync::id);

	private final ClockSyncRepository clocks;

	private final EventOutbox outbox;

	private final ProjectEvents events;

	private final AuditedTransactions transactions;

	ClockSyncService(ClockSyncRepository clocks, EventOutbox outbox, ProjectEvents events,
			AuditedTransactions transactions) {
		this.clocks = clocks;
		this.outbox = outbox;
		this.events = events;
		this.transactions = transactions;
	}

	/** {@code recordClockSync}. */
	public Mono<List<ClockSync>> record(Input arguments) {
		return transactions.run(AuditFacts.of("clock_sync.record", "clock_sync_status", null), caller -> {
			if (!(caller.ingest() || caller.admin())) {
				return Mono.error(ApiException.forbidden("Only the ingest service and admins record clock readings"));
			}
			List<ClockSync> rows = read(arguments.object(CLOCK_INPUT));
			List<String> components = rows.stream().map(ClockSync::componentName).distinct().sorted().toList();
			// the stream's lock first: the statuses read next stay current until commit
			return outbox.lock(ClockDriftEvents.STREAM)
				.then(clocks.latest(components))
				.flatMap(before -> clocks.insert(rows).then(appendChanges(before, rows)))
				.thenReturn(rows);
		}, (facts, rows) -> facts.with("entries", rows.size())
			.with("components", rows.stream().map(ClockSync::componentName).distinct().sorted().toList()));
	}

	/** The latest reading of every component, by name. */
	public Mono<List<ClockSync>> current() {
		return clocks.latest(null);
	}

	/** A page of readings, newest first. */
	public Mono<Page<ClockSync>> history(@Nullable String component, @Nullable Instant from, @Nullable Instant to,
			int first, Cursors.@Nullable Position after) {
		return clocks.page(component, from, to, after, first + 1)
			.collectList()
			.map(rows -> Page.of(rows, first, after != null, row -> Cursors.encode(row.lastSyncAt(), row.id()),
					() -> clocks.count(component, from, to)));
	}

	/**
	 * The status changes from now on, or after the cursor {@code after}, of the given
	 * components (null: all), in commit order, each once.
	 */
	public Flux<ClockDriftEvent> changes(@Nullable Collection<String> components, @Nullable String after) {
		return events.stream(ClockDriftEvents.STREAM, after)
			.filter(event -> ClockDriftEvents.TYPE.equals(event.type()))
			.map(ClockDriftEvents::event)
			.filter(event -> components == null || components.contains(event.componentName()));
	}

	private Mono<Void> appendChanges(List<ClockSync> before, List<ClockSync> written) {
		Map<String, ClockSync> previous = before.stream()
			.collect(Collectors.toMap(ClockSync::componentName, Function.identity()));
		Map<String, ClockSync> newest = new TreeMap<>();
		for (ClockSync row : written) {
			newest.merge(row.componentName(), row, (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
		}
		List<Mono<Long>> appends = new ArrayList<>();
		newest.forEach((component, candidate) -> {
			ClockSync was = previous.get(component);
			if (was != null && LATEST.compare(was, candidate) >= 0) {
				return;
			}
			String previousStatus = was == null ? null : was.status();
			if (!candidate.status().equals(previousStatus)) {
				appends.add(outbox.append(ClockDriftEvents.STREAM, ClockDriftEvents.TYPE,
						ClockDriftEvents.payload(previousStatus, candidate)));
			}
		});
		return Flux.concat(appends).then();
	}

	private static List<ClockSync> read(Input input) {
		List<ClockSync> rows = new ArrayList<>();
		for (Input entry : input.objects(READINGS)) {
			long offset = entry.required(OFFSET);
			String error = entry.optional(ERROR_MESSAGE);
			Instant at = FilesystemTimestampService.time(entry, LAST_SYNC_AT);
			rows.add(new ClockSync(UUID.randomUUID().toString(), entry.required(COMPONENT_NAME),
					entry.required(PROTOCOL), entry.optional(STRATUM), offset, at, ClockSyncStatus.of(offset, error),
					error));
		}
		return rows;
	}

}

package dev.devguide.cockpit.bin;

import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.graphql.LoaderContribution;
import dev.devguide.cockpit.graphql.LoaderKey;
import dev.devguide.cockpit.graphql.Loaders;
import dev.devguide.cockpit.graphql.Page;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Bin's DataLoaders: changes by id, a change's propagations, and
 * {@code Project.syncBuffer} pages for a whole list of projects in one statement per
 * distinct set of arguments.
 */
@Component
public class BinLoaders implements LoaderContribution {

	public static final LoaderKey<String, List<Propagation>> PROPAGATIONS = LoaderKey.named("syncChange.propagations");

	static final LoaderKey<String, SyncChange> SYNC_CHANGE = LoaderKey.named("syncChange.byId");

	static final LoaderKey<SyncBufferPage, Page<SyncChange>> SYNC_BUFFER = LoaderKey.named("project.syncBuffer");

	private static final Comparator<SyncChange> NEWEST_FIRST = Comparator.comparing(SyncChange::createdAt)
		.thenComparing(SyncChange::id)
		.reversed();

	/** One project's page request: the loader key of {@code Project.syncBuffer}. */
	record SyncBufferPage(String projectId, @Nullable String status, int first, Cursors.@Nullable Position after) {

		/** The arguments that keys share when they can go into one statement. */
		Arguments arguments() {
			return new Arguments(status, first, after);
		}

	}

	/** A page request without its project. */
	record Arguments(@Nullable String status, int first, Cursors.@Nullable Position after) {
	}

	private final PropagationRepository propagations;

	private final SyncBufferRepository changes;

	BinLoaders(PropagationRepository propagations, SyncBufferRepository changes) {
		this.propagations = propagations;
		this.changes = changes;
	}

	@Override
	public void register(Loaders loaders) {
		loaders.grouped(PROPAGATIONS, (ids, selection) -> propagations.findBySyncChangeIds(ids),
				Propagation::syncChangeId);
		loaders.mapped(SYNC_BUFFER, (keys, selection) -> pages(keys));
		loaders.byId(SYNC_CHANGE, (ids, selection) -> changes.findByIds(ids), SyncChange::id);
	}

	private Mono<Map<SyncBufferPage, Page<SyncChange>>> pages(Set<SyncBufferPage> keys) {
		Map<Arguments, List<SyncBufferPage>> groups = keys.stream()
			.collect(Collectors.groupingBy(SyncBufferPage::arguments));
		return Flux.fromIterable(groups.entrySet())
			.concatMap(group -> load(group.getKey(), group.getValue()))
			.collect(HashMap::new, Map::putAll);
	}

	private Mono<Map<SyncBufferPage, Page<SyncChange>>> load(Arguments arguments, List<SyncBufferPage> keys) {
		List<String> projects = keys.stream().map(SyncBufferPage::projectId).toList();
		return changes.pages(projects, arguments.status(), arguments.after(), arguments.first() + 1)
			.collectList()
			.map(rows -> {
				Map<SyncBufferPage, Page<SyncChange>> result = new HashMap<>();
				for (SyncBufferPage key : keys) {
					List<SyncChange> own = rows.stream()
						.filter(row -> row.projectId().equals(key.projectId()))
						.sorted(NEWEST_FIRST)
						.toList();
					result.put(key,
							Page.of(own, key.first(), key.after() != null,
									change -> Cursors.encode(change.createdAt(), change.id()),
									() -> changes.count(key.projectId(), key.status())));
				}
				return result;
			});
	}

}

package dev.devguide.cockpit.extension;

import dev.devguide.cockpit.graphql.Connections;
import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.LoaderContribution;
import dev.devguide.cockpit.graphql.LoaderKey;
import dev.devguide.cockpit.graphql.Loaders;
import dev.devguide.cockpit.graphql.Page;
import dev.devguide.cockpit.graphql.Selection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The extension repository's DataLoaders: dashboards by id ({@link #BY_ID}, for relations
 * from other domains, such as a project's installed extensions), each dashboard's version
 * pages ({@code ExtensionDashboard.versions}) and its current version
 * ({@code ExtensionDashboard.currentVersion}), each batch in one statement.
 */
@Component
public class ExtensionDashboardLoaders implements LoaderContribution {

	/**
	 * Extension dashboards by id, read for the selection; visibility is not applied (the
	 * relation that loads through it decides what its caller may see, see
	 * {@link ExtensionDashboard#visibleTo}).
	 */
	public static final LoaderKey<String, ExtensionDashboard> BY_ID = LoaderKey.named("extensionDashboard.byId");

	/** The selection that reads a dashboard's config (and the columns always read). */
	static final Selection CONFIG = Selection.of(List.of("config"));

	/** A page of an extension dashboard's versions, newest first. */
	public static final LoaderKey<VersionPage, Page<ExtensionVersion>> VERSIONS = LoaderKey
		.named("extensionDashboard.versions");

	/** An extension dashboard's newest version (whose config is the current one). */
	public static final LoaderKey<String, ExtensionVersion> CURRENT_VERSION = LoaderKey
		.named("extensionDashboard.currentVersion");

	/** One dashboard's page request: {@code first} versions after a position. */
	public record VersionPage(String extensionDashboardId, int first, Cursors.@Nullable Position after) {

		/** The page the checked {@code first} and {@code after} arguments ask for. */
		static VersionPage of(String extensionDashboardId, Input arguments) {
			return new VersionPage(extensionDashboardId, Connections.first(arguments), Connections.after(arguments));
		}

		Arguments arguments() {
			return new Arguments(first, after);
		}

	}

	/** A page request without its dashboard. */
	private record Arguments(int first, Cursors.@Nullable Position after) {
	}

	/** created_at DESC, then id: the order of each branch of the statement. */
	private static final Comparator<ExtensionVersion> NEWEST_FIRST = Comparator.comparing(ExtensionVersion::createdAt)
		.reversed()
		.thenComparing(ExtensionVersion::id);

	private final ExtensionDashboardRepository dashboards;

	private final ExtensionVersionRepository versions;

	ExtensionDashboardLoaders(ExtensionDashboardRepository dashboards, ExtensionVersionRepository versions) {
		this.dashboards = dashboards;
		this.versions = versions;
	}

	@Override
	public void register(Loaders loaders) {
		loaders.byId(BY_ID, dashboards::findByIds, ExtensionDashboard::id);
		loaders.mapped(VERSIONS, this::pages);
		loaders.mapped(CURRENT_VERSION, (ids,
				selection) -> newest(List.copyOf(ids), null, 1, selection).map(byDashboard -> byDashboard.entrySet()
					.stream()
					.filter(entry -> !entry.getValue().isEmpty())
					.collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get(0)))));
	}

	private Mono<Map<VersionPage, Page<ExtensionVersion>>> pages(Set<VersionPage> keys, Selection selection) {
		Map<Arguments, List<VersionPage>> groups = keys.stream().collect(Collectors.groupingBy(VersionPage::arguments));
		return Flux.fromIterable(groups.entrySet()).concatMap(group -> {
			Arguments arguments = group.getKey();
			List<String> ids = group.getValue().stream().map(VersionPage::extensionDashboardId).distinct().toList();
			return newest(ids, arguments.after(), arguments.first(), selection).map(byDashboard -> {
				Map<VersionPage, Page<ExtensionVersion>> result = new HashMap<>();
				for (VersionPage key : group.getValue()) {
					result.put(key,
							Page.of(byDashboard.getOrDefault(key.extensionDashboardId(), List.of()), key.first(),
									key.after() != null, version -> Cursors.encode(version.createdAt(), version.id()),
									() -> versions.count(key.extensionDashboardId())));
				}
				return result;
			});
		}).collect(HashMap::new, Map::putAll);
	}

	/**
	 * Up to {@code first + 1} versions of each dashboard, newest first, each holding the
	 * config of the one after it in the list (the version before it); the extra row says
	 * that more follow, and gives the last one of the page its previous config. A version
	 * with nothing after it in a list that ended is the dashboard's first.
	 */
	private Mono<Map<String, List<ExtensionVersion>>> newest(List<String> ids, Cursors.@Nullable Position after,
			int first, Selection selection) {
		return versions.pages(ids, after, first + 1, selection).collectList().map(rows -> {
			Map<String, List<ExtensionVersion>> byDashboard = new LinkedHashMap<>();
			rows.stream()
				.sorted(NEWEST_FIRST)
				.forEach(row -> byDashboard.computeIfAbsent(row.extensionDashboardId(), id -> new ArrayList<>())
					.add(row));
			byDashboard.replaceAll((id, list) -> withPrevious(list));
			return byDashboard;
		});
	}

	private static List<ExtensionVersion> withPrevious(List<ExtensionVersion> newestFirst) {
		List<ExtensionVersion> linked = new ArrayList<>(newestFirst.size());
		for (int i = 0; i < newestFirst.size(); i++) {
			ExtensionVersion older = i + 1 < newestFirst.size() ? newestFirst.get(i + 1) : null;
			linked.add(newestFirst.get(i).after(older == null ? null : older.config()));
		}
		return linked;
	}

}

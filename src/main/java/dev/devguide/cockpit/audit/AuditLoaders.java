package dev.devguide.cockpit.audit;

import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Connections;
import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.graphql.Input;
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
 * The version-history DataLoaders: the pages of {@code Dashboard.versions} and
 * {@code Module.versions} for a whole list of parents in one statement per distinct set
 * of arguments. The keys are public: the hierarchy declares the relations.
 */
@Component
public class AuditLoaders implements LoaderContribution {

	public static final LoaderKey<VersionPage, Page<Version>> DASHBOARD_VERSIONS = LoaderKey
		.named("dashboard.versions");

	public static final LoaderKey<VersionPage, Page<Version>> MODULE_VERSIONS = LoaderKey.named("module.versions");

	private static final Comparator<Version> NEWEST_FIRST = Comparator.comparingInt(Version::versionNumber).reversed();

	/**
	 * One resource's page request: {@code first} versions numbered below {@code before}
	 * (null: from the newest).
	 */
	public record VersionPage(String resourceId, int first, @Nullable Integer before) {

		/**
		 * The page the checked {@code first} and {@code after} arguments ask for; a
		 * cursor that is not a version's is a BAD_REQUEST naming {@code after}.
		 */
		public static VersionPage of(String resourceId, Input arguments) {
			Cursors.Position after = Connections.after(arguments);
			Integer before = null;
			if (after != null) {
				try {
					before = Integer.valueOf(after.id());
				}
				catch (NumberFormatException ex) {
					throw ApiException.badRequest(arguments.path(Connections.AFTER),
							"is not a cursor of a version list");
				}
			}
			return new VersionPage(resourceId, Connections.first(arguments), before);
		}

		Arguments arguments() {
			return new Arguments(first, before);
		}

	}

	/** A page request without its resource. */
	private record Arguments(int first, @Nullable Integer before) {
	}

	private final VersionHistory versions;

	AuditLoaders(VersionHistory versions) {
		this.versions = versions;
	}

	@Override
	public void register(Loaders loaders) {
		loaders.mapped(DASHBOARD_VERSIONS, (keys, selection) -> pages("dashboard", keys));
		loaders.mapped(MODULE_VERSIONS, (keys, selection) -> pages("module", keys));
	}

	private Mono<Map<VersionPage, Page<Version>>> pages(String type, Set<VersionPage> keys) {
		Map<Arguments, List<VersionPage>> groups = keys.stream().collect(Collectors.groupingBy(VersionPage::arguments));
		return Flux.fromIterable(groups.entrySet())
			.concatMap(group -> load(type, group.getKey(), group.getValue()))
			.collect(HashMap::new, Map::putAll);
	}

	private Mono<Map<VersionPage, Page<Version>>> load(String type, Arguments arguments, List<VersionPage> keys) {
		List<String> ids = keys.stream().map(VersionPage::resourceId).distinct().toList();
		return versions.pages(type, ids, arguments.before(), arguments.first() + 1).collectList().map(rows -> {
			Map<String, List<Version>> byResource = rows.stream()
				.sorted(NEWEST_FIRST)
				.collect(Collectors.groupingBy(Version::resourceId));
			Map<VersionPage, Page<Version>> result = new HashMap<>();
			for (VersionPage key : keys) {
				result.put(key,
						Page.of(byResource.getOrDefault(key.resourceId(), List.of()), key.first(), key.before() != null,
								version -> Cursors.encode(version.createdAt(),
										Integer.toString(version.versionNumber())),
								() -> versions.count(type, key.resourceId())));
			}
			return result;
		});
	}

}

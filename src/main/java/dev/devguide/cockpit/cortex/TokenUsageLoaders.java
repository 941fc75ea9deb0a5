package dev.devguide.cockpit.cortex;

import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.graphql.LoaderContribution;
import dev.devguide.cockpit.graphql.LoaderKey;
import dev.devguide.cockpit.graphql.Loaders;
import dev.devguide.cockpit.graphql.Page;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The usage fields of {@code Project}: its trend, its total cost and its raw rows, each
 * answered for a whole page of projects with one statement per distinct set of arguments.
 */
@Component
class TokenUsageLoaders implements LoaderContribution {

	static final LoaderKey<TrendKey, List<UsageSeries>> TREND = LoaderKey.named("project.tokenUsageTrend");

	static final LoaderKey<CostKey, BigDecimal> COST = LoaderKey.named("project.totalCost");

	static final LoaderKey<UsagePage, Page<TokenUsage>> USAGE = LoaderKey.named("project.tokenUsage");

	private static final Comparator<TokenUsage> NEWEST_FIRST = Comparator.comparing(TokenUsage::timestamp)
		.thenComparing(TokenUsage::id)
		.reversed();

	/** One project's trend. */
	record TrendKey(String projectId, TokenUsageAnalytics.TrendQuery query) {
	}

	/** One project's cost over a range. */
	record CostKey(String projectId, UsageRange range) {
	}

	/** One project's page of raw rows. */
	record UsagePage(String projectId, UsageFilter filter, int first, Cursors.@Nullable Position after) {

		PageArguments arguments() {
			return new PageArguments(filter, first, after);
		}

	}

	/** A page request without its project. */
	record PageArguments(UsageFilter filter, int first, Cursors.@Nullable Position after) {
	}

	private final TokenUsageAnalytics analytics;

	private final TokenUsageRepository usage;

	private final TiFlashReplicas tiflash;

	TokenUsageLoaders(TokenUsageAnalytics analytics, TokenUsageRepository usage, TiFlashReplicas tiflash) {
		this.analytics = analytics;
		this.usage = usage;
		this.tiflash = tiflash;
	}

	@Override
	public void register(Loaders loaders) {
		loaders.mapped(TREND, (keys, selection) -> grouped(keys, TrendKey::query, TrendKey::projectId,
				(query, projects) -> analytics.trends(projects, query)));
		loaders.mapped(COST, (keys, selection) -> grouped(keys, CostKey::range, CostKey::projectId,
				(range, projects) -> analytics.costs(projects, range)));
		loaders.mapped(USAGE,
				(keys, selection) -> grouped(keys, UsagePage::arguments, UsagePage::projectId, this::pages));
	}

	private Mono<Map<String, Page<TokenUsage>>> pages(PageArguments arguments, List<String> projects) {
		return tiflash.tokenUsage()
			.flatMap(replica -> usage
				.pages(projects, arguments.filter(), arguments.after(), arguments.first() + 1, replica)
				.collectList()
				.map(rows -> pages(arguments, projects, rows, replica)));
	}

	private Map<String, Page<TokenUsage>> pages(PageArguments arguments, List<String> projects, List<TokenUsage> rows,
			boolean replica) {
		Map<String, List<TokenUsage>> byProject = rows.stream().collect(Collectors.groupingBy(TokenUsage::projectId));
		Map<String, Page<TokenUsage>> pages = new HashMap<>();
		for (String project : projects) {
			List<TokenUsage> own = byProject.getOrDefault(project, List.of()).stream().sorted(NEWEST_FIRST).toList();
			pages.put(project,
					Page.of(own, arguments.first(), arguments.after() != null,
							row -> Cursors.encode(row.timestamp(), row.id()),
							() -> usage.count(project, arguments.filter(), replica)));
		}
		return pages;
	}

	/**
	 * Answers keys that share arguments together: one call of {@code load} per distinct
	 * arguments, with all their projects.
	 */
	private static <K, A, V> Mono<Map<K, V>> grouped(Set<K> keys, Function<K, A> arguments, Function<K, String> project,
			BiFunction<A, List<String>, Mono<Map<String, V>>> load) {
		Map<A, List<K>> groups = keys.stream().collect(Collectors.groupingBy(arguments));
		return Flux.fromIterable(groups.entrySet()).concatMap(group -> {
			List<String> projects = group.getValue().stream().map(project).distinct().toList();
			return load.apply(group.getKey(), projects).map(values -> {
				Map<K, V> answers = new HashMap<>();
				for (K key : group.getValue()) {
					V value = values.get(project.apply(key));
					if (value != null) {
						answers.put(key, value);
					}
				}
				return answers;
			});
		}).collect(HashMap::new, Map::putAll);
	}

}

package dev.devguide.cockpit.cortex;

import dev.devguide.cockpit.project.ProjectScope;
import dev.devguide.cockpit.security.CallerContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The analytics of token usage, all read from the rollups, never from the raw rows: the
 * trend (series of gap-filled points), the breakdown by one dimension with each group's
 * share of the cost, and projects' total cost, each one statement. The projects are the
 * given ones the caller may read, or every project it may read ({@link ProjectScope}).
 */
@Service
public class TokenUsageAnalytics {

	/** What a trend asks for, without its projects. */
	record TrendQuery(UsageRange range, List<UsageDimension> groupBy) {
	}

	private final TokenUsageRollupRepository rollups;

	private final Clock clock = Clock.systemUTC();

	TokenUsageAnalytics(TokenUsageRollupRepository rollups) {
		this.rollups = rollups;
	}

	Instant now() {
		return clock.instant();
	}

	/** {@code tokenUsageTrend}. */
	Mono<List<UsageSeries>> trend(@Nullable List<String> projectIds, TrendQuery query) {
		UsageRange range = query.range();
		return scope(projectIds).flatMap(scope -> rollups
			.sums(scope, range.from(), range.to(), range.granularity(), query.groupBy(), true, false)
			.collectList()
			.map(rows -> series(rows, query)));
	}

	/** The trend of each project, for {@code Project.tokenUsageTrend}: one statement. */
	Mono<Map<String, List<UsageSeries>>> trends(List<String> projectIds, TrendQuery query) {
		UsageRange range = query.range();
		return rollups
			.sums(ProjectScope.exactly(projectIds), range.from(), range.to(), range.granularity(), query.groupBy(),
					true, true)
			.collectList()
			.map(rows -> {
				Map<String, List<UsageRow>> byProject = rows.stream()
					.collect(Collectors.groupingBy(row -> Objects.requireNonNull(row.projectId())));
				Map<String, List<UsageSeries>> trends = new HashMap<>();
				projectIds.forEach(id -> trends.put(id, series(byProject.getOrDefault(id, List.of()), query)));
				return trends;
			});
	}

	/** {@code tokenUsageBreakdown}. */
	Mono<UsageBreakdown> breakdown(@Nullable List<String> projectIds, UsageRange range, UsageDimension by) {
		return scope(projectIds).flatMap(
				scope -> rollups.sums(scope, range.from(), range.to(), range.granularity(), List.of(by), false, false)
					.collectList()
					.map(rows -> {
						UsageTotals total = rows.stream()
							.map(UsageRow::totals)
							.reduce(UsageTotals.ZERO, UsageTotals::plus);
						List<UsageShare> groups = rows.stream()
							.map(row -> new UsageShare(row.key().get(0), row.totals(), share(row.totals(), total)))
							.sorted(Comparator.comparing(UsageShare::cost)
								.reversed()
								.thenComparing(share -> Objects.toString(share.key(), "")))
							.toList();
						return new UsageBreakdown(range.from(), range.to(), by.name(), total, groups);
					}));
	}

	/**
	 * Each project's cost over the range, for {@code Project.totalCost}: one statement.
	 */
	Mono<Map<String, BigDecimal>> costs(List<String> projectIds, UsageRange range) {
		return rollups
			.sums(ProjectScope.exactly(projectIds), range.from(), range.to(), range.granularity(), List.of(), false,
					true)
			.collectMap(row -> Objects.requireNonNull(row.projectId()), row -> row.totals().cost())
			.map(found -> {
				Map<String, BigDecimal> costs = new HashMap<>();
				projectIds.forEach(id -> costs.put(id, found.getOrDefault(id, UsageTotals.ZERO.cost())));
				return costs;
			});
	}

	/**
	 * The scope of a root query: the given projects the caller may read, else every
	 * project it may read.
	 */
	private static Mono<ProjectScope> scope(@Nullable List<String> projectIds) {
		return CallerContext.current().map(caller -> ProjectScope.of(caller, projectIds));
	}

	/**
	 * One series per distinct key among the rows (one series of zeros when nothing is
	 * grouped and nothing was used), each with a point per bucket of the range; series by
	 * cost, highest first.
	 */
	private static List<UsageSeries> series(List<UsageRow> rows, TrendQuery query) {
		Granularity granularity = query.range().granularity();
		Map<List<@Nullable String>, Map<Instant, UsageTotals>> byKey = new LinkedHashMap<>();
		if (query.groupBy().isEmpty()) {
			byKey.put(List.of(), new HashMap<>());
		}
		for (UsageRow row : rows) {
			Instant bucket = granularity.floor(Objects.requireNonNull(row.bucketStart()));
			byKey.computeIfAbsent(row.key(), key -> new HashMap<>()).merge(bucket, row.totals(), UsageTotals::plus);
		}
		List<Instant> buckets = query.range().buckets();
		List<UsageSeries> series = new ArrayList<>();
		byKey.forEach((key, sums) -> {
			List<UsagePoint> points = buckets.stream()
				.map(start -> new UsagePoint(start, sums.getOrDefault(start, UsageTotals.ZERO)))
				.toList();
			UsageTotals total = sums.values().stream().reduce(UsageTotals.ZERO, UsageTotals::plus);
			series.add(new UsageSeries(value(query, key, UsageDimension.PROVIDER),
					value(query, key, UsageDimension.MODEL), value(query, key, UsageDimension.OPERATION_TYPE),
					value(query, key, UsageDimension.DASHBOARD_CONTEXT), points, total));
		});
		series.sort(Comparator.comparing((UsageSeries one) -> one.totals().cost())
			.reversed()
			.thenComparing(one -> String.join("\u001f", Objects.toString(one.provider(), ""),
					Objects.toString(one.model(), ""), Objects.toString(one.operationType(), ""),
					Objects.toString(one.dashboardContext(), ""))));
		return series;
	}

	private static @Nullable String value(TrendQuery query, List<@Nullable String> key, UsageDimension dimension) {
		int index = query.groupBy().indexOf(dimension);
		return index < 0 ? null : key.get(index);
	}

	private static double share(UsageTotals group, UsageTotals total) {
		if (total.cost().signum() == 0) {
			return 0;
		}
		return group.cost().divide(total.cost(), 6, RoundingMode.HALF_UP).doubleValue();
	}

}

package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.TokenUsageInputs.FROM;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.TO;

import dev.devguide.cockpit.graphql.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The range an analytics query covers, {@code [from, to)}, widened to whole buckets:
 * {@code from} rounded down and {@code to} rounded up, so that every bucket is complete
 * and read exactly from a rollup. Defaults: up to the end of the current UTC day, the 30
 * days before.
 */
record UsageRange(Instant from, Instant to, Granularity granularity) {

	static final int MAX_BUCKETS = 1000;

	private static final Duration DEFAULT_SPAN = Duration.ofDays(30);

	static UsageRange of(@Nullable Instant from, @Nullable Instant to, Granularity granularity, Instant now) {
		Instant end = granularity.ceiling(to != null ? to : Granularity.DAY.ceiling(now));
		Instant start = granularity.floor(from != null ? from : end.minus(DEFAULT_SPAN));
		if (!start.isBefore(end)) {
			throw ApiException.badRequest(TO.name(), "must be after from (" + start + ")");
		}
		UsageRange range = new UsageRange(start, end, granularity);
		int buckets = range.buckets().size();
		if (buckets > MAX_BUCKETS) {
			throw ApiException.badRequest(FROM.name(), "the range holds " + buckets + " buckets of "
					+ granularity.name().toLowerCase() + "; at most " + MAX_BUCKETS + " fit in one query");
		}
		return range;
	}

	/**
	 * The range for totals (a breakdown, a project's cost): whole hours, read from the
	 * daily rollup when it starts and ends on UTC days.
	 */
	static UsageRange totals(@Nullable Instant from, @Nullable Instant to, Instant now) {
		Instant end = Granularity.HOUR.ceiling(to != null ? to : Granularity.DAY.ceiling(now));
		Instant start = Granularity.HOUR.floor(from != null ? from : end.minus(DEFAULT_SPAN));
		if (!start.isBefore(end)) {
			throw ApiException.badRequest(TO.name(), "must be after from (" + start + ")");
		}
		boolean days = Granularity.DAY.floor(start).equals(start) && Granularity.DAY.floor(end).equals(end);
		return new UsageRange(start, end, days ? Granularity.DAY : Granularity.HOUR);
	}

	/** The start of every bucket in the range, in order. */
	List<Instant> buckets() {
		List<Instant> buckets = new ArrayList<>();
		for (Instant start = from; start.isBefore(to)
				&& buckets.size() <= MAX_BUCKETS; start = granularity.next(start)) {
			buckets.add(start);
		}
		return buckets;
	}

}

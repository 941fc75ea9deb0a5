package dev.devguide.cockpit.cortex;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The bucket of a trend, in UTC: an hour, a day, an ISO week (from Monday) or a calendar
 * month. Hours are read from the hourly rollup, the others from a daily one.
 */
enum Granularity {

	HOUR, DAY, WEEK, MONTH;

	/** The start of the bucket that holds {@code instant}. */
	Instant floor(Instant instant) {
		ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
		ZonedDateTime start = switch (this) {
			case HOUR -> utc.truncatedTo(ChronoUnit.HOURS);
			case DAY -> utc.truncatedTo(ChronoUnit.DAYS);
			case WEEK -> utc.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> utc.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
		};
		return start.toInstant();
	}

	/** The start of the bucket after the one starting at {@code start}. */
	Instant next(Instant start) {
		ZonedDateTime utc = start.atZone(ZoneOffset.UTC);
		return switch (this) {
			case HOUR -> utc.plusHours(1).toInstant();
			case DAY -> utc.plusDays(1).toInstant();
			case WEEK -> utc.plusWeeks(1).toInstant();
			case MONTH -> utc.plusMonths(1).toInstant();
		};
	}

	/** The end of the bucket that holds the last instant before {@code end}. */
	Instant ceiling(Instant end) {
		Instant start = floor(end);
		return start.equals(end) ? end : next(start);
	}

	/** True when this granularity is read from the hourly rollup. */
	boolean hourly() {
		return this == HOUR;
	}

}

package dev.devguide.cockpit.persistence;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Typed reads of R2DBC row columns. Sessions run in UTC, so TIMESTAMP values are UTC wall
 * times.
 */
public final class Rows {

	private Rows() {
	}

	public static String string(Readable row, String column) {
		return row.get(column, String.class);
	}

	public static Instant instant(Readable row, String column) {
		LocalDateTime value = row.get(column, LocalDateTime.class);
		return value == null ? null : value.toInstant(ZoneOffset.UTC);
	}

	public static Integer integer(Readable row, String column) {
		return row.get(column, Integer.class);
	}

	public static Long longValue(Readable row, String column) {
		return row.get(column, Long.class);
	}

	public static Boolean bool(Readable row, String column) {
		return row.get(column, Boolean.class);
	}

	public static BigDecimal decimal(Readable row, String column) {
		return row.get(column, BigDecimal.class);
	}

	/**
	 * A UTC instant as the LocalDateTime that a UTC session stores in a TIMESTAMP column.
	 */
	public static LocalDateTime utc(Instant instant) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}

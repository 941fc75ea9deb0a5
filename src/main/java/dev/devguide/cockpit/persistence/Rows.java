package dev.devguide.cockpit.persistence;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * Typed reads of R2DBC row columns. Sessions run in UTC, so TIMESTAMP values are UTC wall
 * times. The plain readers are for NOT NULL columns (a NULL there is a bug in the query
 * and fails with the column's name); the {@code ...OrNull} readers are for nullable
 * columns.
 */
public final class Rows {

	private Rows() {
	}

	public static String string(Readable row, String column) {
		return notNull(stringOrNull(row, column), column);
	}

	public static @Nullable String stringOrNull(Readable row, String column) {
		return row.get(column, String.class);
	}

	public static Instant instant(Readable row, String column) {
		return notNull(instantOrNull(row, column), column);
	}

	public static @Nullable Instant instantOrNull(Readable row, String column) {
		LocalDateTime value = row.get(column, LocalDateTime.class);
		return value == null ? null : value.toInstant(ZoneOffset.UTC);
	}

	public static Integer integer(Readable row, String column) {
		return notNull(integerOrNull(row, column), column);
	}

	public static @Nullable Integer integerOrNull(Readable row, String column) {
		return row.get(column, Integer.class);
	}

	public static Long longValue(Readable row, String column) {
		return notNull(row.get(column, Long.class), column);
	}

	public static Boolean bool(Readable row, String column) {
		return notNull(boolOrNull(row, column), column);
	}

	public static @Nullable Boolean boolOrNull(Readable row, String column) {
		return row.get(column, Boolean.class);
	}

	public static BigDecimal decimal(Readable row, String column) {
		return notNull(row.get(column, BigDecimal.class), column);
	}

	/**
	 * A UTC instant as the LocalDateTime that a UTC session stores in a TIMESTAMP column.
	 */
	@Contract("null -> null; !null -> !null")
	public static @Nullable LocalDateTime utc(@Nullable Instant instant) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static <T> T notNull(@Nullable T value, String column) {
		if (value == null) {
			throw new IllegalStateException("Column " + column + " is NULL");
		}
		return value;
	}

}

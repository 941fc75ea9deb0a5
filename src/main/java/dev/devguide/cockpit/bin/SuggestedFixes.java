package dev.devguide.cockpit.bin;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Computes a passing value for a failed temporal check: a timestamp with an offset (or
 * none, read as UTC) becomes the protocol's UTC form with six fractional digits and a
 * {@code Z}, e.g. {@code 2026-01-01T15:30:45+01:00} becomes
 * {@code 2026-01-01T14:30:45.000000Z}.
 */
final class SuggestedFixes {

	private static final DateTimeFormatter ZULU = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	/**
	 * ISO 8601 date and time, with 'T' or a space between them, fractions of up to 9
	 * digits.
	 */
	private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.optionalStart()
		.appendLiteral('T')
		.optionalEnd()
		.optionalStart()
		.appendLiteral(' ')
		.optionalEnd()
		.append(DateTimeFormatter.ISO_LOCAL_TIME)
		.toFormatter();

	private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder().append(LOCAL)
		.optionalStart()
		.appendOffset("+HH:MM", "Z")
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HHMM", "Z")
		.optionalEnd()
		.toFormatter();

	private SuggestedFixes() {
	}

	/** The UTC {@code ...Z} form of a timestamp, or null when the text is not one. */
	static @Nullable String utcTimestamp(String text) {
		String value = text.strip();
		Instant instant = parse(value);
		return instant == null ? null : ZULU.format(instant.truncatedTo(ChronoUnit.MICROS));
	}

	private static @Nullable Instant parse(String value) {
		try {
			TemporalAccessor parsed = OFFSET.parse(value);
			LocalDateTime local = LocalDateTime.from(parsed);
			if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
				return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
					.toInstant();
			}
			return local.toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}

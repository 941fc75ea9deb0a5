package dev.devguide.cockpit.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The metadata mini-protocol's timestamp: ISO 8601 in UTC with a {@code Z} suffix and six
 * fractional digits ({@code 2026-01-01T14:30:45.123456Z}). Inputs must end in {@code Z}
 * and carry at most six fractional digits.
 */
final class DateTimeScalar implements Coercing<Instant, String> {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("A point in time, always UTC: ISO 8601 with a Z suffix and microseconds, "
				+ "e.g. 2026-01-01T14:30:45.123456Z. Inputs must end in Z and have at most 6 fractional digits.")
		.coercing(new DateTimeScalar())
		.build();

	private static final DateTimeFormatter OUTPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Pattern INPUT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z");

	@Override
	public String serialize(Object value, GraphQLContext context, Locale locale) {
		if (value instanceof Instant instant) {
			return OUTPUT.format(instant.truncatedTo(ChronoUnit.MICROS));
		}
		if (value instanceof OffsetDateTime dateTime) {
			return OUTPUT.format(dateTime.toInstant().truncatedTo(ChronoUnit.MICROS));
		}
		throw new CoercingSerializeException("DateTime cannot serialize a " + value.getClass().getSimpleName());
	}

	@Override
	public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
		if (input instanceof String text) {
			return parse(text, CoercingParseValueException::new);
		}
		throw new CoercingParseValueException("DateTime must be a string such as 2026-01-01T14:30:45.123456Z");
	}

	@Override
	public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
		if (input instanceof StringValue text && text.getValue() != null) {
			return parse(text.getValue(), CoercingParseLiteralException::new);
		}
		throw new CoercingParseLiteralException("DateTime must be a string such as 2026-01-01T14:30:45.123456Z");
	}

	@Override
	public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
		return StringValue.of(serialize(input, context, locale));
	}

	private static Instant parse(String text, java.util.function.Function<String, RuntimeException> error) {
		if (!INPUT.matcher(text).matches()) {
			throw error.apply("DateTime must be UTC ISO 8601 with a Z suffix and at most 6 fractional digits, "
					+ "e.g. 2026-01-01T14:30:45.123456Z");
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw error.apply("DateTime is not a valid date and time: " + text);
		}
	}

}

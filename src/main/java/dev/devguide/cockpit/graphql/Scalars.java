package dev.devguide.cockpit.graphql;

import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLScalarType;
import java.util.List;

/**
 * The custom scalars of the schema: DateTime (UTC, microseconds, Z), JSON, BigDecimal and
 * Long.
 */
public final class Scalars {

	public static final GraphQLScalarType DATE_TIME = DateTimeScalar.INSTANCE;

	public static final GraphQLScalarType JSON = ExtendedScalars.Json.transform(builder -> builder
		.description("Any JSON value: object, array, string, number, boolean or null, stored as MySQL JSON."));

	public static final GraphQLScalarType BIG_DECIMAL = ExtendedScalars.GraphQLBigDecimal.transform(builder -> builder
		.description("An exact decimal number, used for money; serialized as a JSON number without rounding."));

	public static final GraphQLScalarType LONG = ExtendedScalars.GraphQLLong
		.transform(builder -> builder.description("A signed 64-bit integer."));

	static final List<GraphQLScalarType> ALL = List.of(DATE_TIME, JSON, BIG_DECIMAL, LONG);

	private Scalars() {
	}

}

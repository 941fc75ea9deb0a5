package dev.devguide.cockpit.graphql;

import static graphql.Scalars.GraphQLBoolean;
import static graphql.Scalars.GraphQLFloat;
import static graphql.Scalars.GraphQLID;
import static graphql.Scalars.GraphQLInt;
import static graphql.Scalars.GraphQLString;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLTypeReference;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One argument or input field: its name, GraphQL type, description and the check that
 * turns what a client sent into a value, or into a BAD_REQUEST naming the field. It is
 * the one place a field's limit is written: the schema's description is composed from the
 * same number the check enforces. Read values through {@link Input}.
 */
public final class FieldSpec<T> {

	/** What a TEXT column holds: 65,535 bytes, which in UTF-8 may be fewer characters. */
	public static final int TEXT_BYTES = 65_535;

	/**
	 * How many objects and arrays a JSON value may nest. MariaDB 11.4 refuses a document
	 * with 32 nested containers as invalid JSON (measured: 31 objects around a scalar are
	 * stored, 32 empty objects are not; MySQL 8.0 and TiDB allow 100), and a value is
	 * also stored one level down in its row's {@code version_history} snapshot.
	 */
	public static final int JSON_DEPTH = 30;

	/** Checks a value the client sent (never null) and converts it. */
	@FunctionalInterface
	interface Check<T> {

		/** The value, or an {@link ApiException} naming {@code path}. */
		T apply(Object raw, String path);

	}

	private final String name;

	/**
	 * Makes the field's GraphQL type anew for each schema: graphql-java resolves type
	 * references inside list and non-null wrappers in place, so a wrapper shared by two
	 * schemas (two servers in one JVM, a test) would point into the first one.
	 */
	private final Supplier<GraphQLInputType> type;

	private final String summary;

	private final String limit;

	private final Check<T> check;

	private final String requiredProblem;

	private final boolean blankIsAbsent;

	private FieldSpec(String name, Supplier<GraphQLInputType> type, String summary, String limit, Check<T> check,
			String requiredProblem) {
		this(name, type, summary, limit, check, requiredProblem, false);
	}

	private FieldSpec(String name, Supplier<GraphQLInputType> type, String summary, String limit, Check<T> check,
			String requiredProblem, boolean blankIsAbsent) {
		this.name = name;
		this.type = type;
		this.summary = summary;
		this.limit = limit;
		this.check = check;
		this.requiredProblem = requiredProblem;
		this.blankIsAbsent = blankIsAbsent;
	}

	/**
	 * Text of at most {@code maxCharacters}, trimmed; blank counts as absent. Longer than
	 * {@link #TEXT_BYTES} characters, the UTF-8 bytes are checked too.
	 */
	public static FieldSpec<String> text(String name, int maxCharacters, String description) {
		String limit = maxCharacters >= TEXT_BYTES ? "At most 65,535 bytes in UTF-8."
				: "At most " + maxCharacters + " characters.";
		return new FieldSpec<>(name, () -> GraphQLString, description, limit,
				(raw, path) -> checkText(raw.toString().strip(), maxCharacters, path),
				"is required and must not be blank", true);
	}

	/** Text for a TEXT column: at most 65,535 bytes in UTF-8, trimmed. */
	public static FieldSpec<String> longText(String name, String description) {
		return text(name, TEXT_BYTES, description);
	}

	/**
	 * A string taken as sent (an opaque cursor, say), of at most {@code maxCharacters}.
	 */
	public static FieldSpec<String> token(String name, int maxCharacters, String description) {
		return new FieldSpec<>(name, () -> GraphQLString, description, "", (raw, path) -> {
			String value = raw.toString();
			if (value.length() > maxCharacters) {
				throw ApiException.badRequest(path, "must be at most " + maxCharacters + " characters");
			}
			return value;
		}, "is required");
	}

	/** An id, as sent (GraphQL turns numbers into strings). */
	public static FieldSpec<String> id(String name, String description) {
		return new FieldSpec<>(name, () -> GraphQLID, description, "", (raw, path) -> raw.toString(), "is required");
	}

	/**
	 * An id of at most {@code maxCharacters}, trimmed; blank counts as absent (a filter
	 * or an optional reference).
	 */
	public static FieldSpec<String> id(String name, int maxCharacters, String description) {
		return new FieldSpec<>(name, () -> GraphQLID, description, "At most " + maxCharacters + " characters.",
				(raw, path) -> checkText(raw.toString().strip(), maxCharacters, path), "is required", true);
	}

	/** An integer of at least {@code min}. */
	public static FieldSpec<Integer> integer(String name, int min, String description) {
		return new FieldSpec<>(name, () -> GraphQLInt, description, "", (raw, path) -> {
			int value = ((Number) raw).intValue();
			if (value < min) {
				throw ApiException.badRequest(path, "must be at least " + min);
			}
			return value;
		}, "is required");
	}

	/** An integer from {@code min} to {@code max}. */
	public static FieldSpec<Integer> integer(String name, int min, int max, String description) {
		return new FieldSpec<>(name, () -> GraphQLInt, description, "", (raw, path) -> {
			int value = ((Number) raw).intValue();
			if (value < min || value > max) {
				throw ApiException.badRequest(path, "must be between " + min + " and " + max);
			}
			return value;
		}, "is required");
	}

	/** A signed 64-bit integer (a {@code BIGINT} column), any value. */
	public static FieldSpec<Long> longInteger(String name, String description) {
		return new FieldSpec<>(name, () -> Scalars.LONG, description, "", (raw, path) -> ((Number) raw).longValue(),
				"is required");
	}

	/**
	 * A decimal of at least zero with at most {@code integerDigits} digits before the
	 * point and {@code scale} after it (a {@code DECIMAL(integerDigits + scale, scale)}
	 * column): exact, never rounded; a value that does not fit is refused.
	 */
	public static FieldSpec<BigDecimal> decimal(String name, int integerDigits, int scale, String description) {
		String limit = "At least 0, at most " + integerDigits + " digits before the point and " + scale + " after it.";
		return new FieldSpec<>(name, () -> Scalars.BIG_DECIMAL, description, limit, (raw, path) -> {
			BigDecimal value = raw instanceof BigDecimal exact ? exact : new BigDecimal(raw.toString());
			if (value.signum() < 0) {
				throw ApiException.badRequest(path, "must not be negative");
			}
			BigDecimal stripped = value.stripTrailingZeros();
			if (stripped.scale() > scale) {
				throw ApiException.badRequest(path, "must have at most " + scale + " decimal places");
			}
			if (stripped.precision() - stripped.scale() > integerDigits) {
				throw ApiException.badRequest(path, "must have at most " + integerDigits + " digits before the point");
			}
			return value.setScale(scale);
		}, "is required");
	}

	/**
	 * A list of {@code minItems} to {@code maxItems} input objects of type
	 * {@code inputType}, read with {@link Input#objects} (each element's fields check
	 * their own values and are named {@code name[i].field}).
	 */
	@SuppressWarnings("unchecked")
	public static FieldSpec<List<Map<String, Object>>> objectList(String name, String inputType, int minItems,
			int maxItems, String description) {
		return new FieldSpec<>(name,
				() -> GraphQLList.list(GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(inputType))), description,
				minItems + " to " + maxItems + " items.", (raw, path) -> {
					List<Map<String, Object>> items = (List<Map<String, Object>>) raw;
					if (items.size() < minItems || items.size() > maxItems) {
						throw ApiException.badRequest(path,
								"must hold " + minItems + " to " + maxItems + " items; it holds " + items.size());
					}
					return items;
				}, "is required");
	}

	/**
	 * A number from {@code min} to {@code max} with at most {@code scale} decimals, read
	 * exactly as sent (0.7 is 0.7, not the nearest double).
	 */
	public static FieldSpec<BigDecimal> decimal(String name, BigDecimal min, BigDecimal max, int scale,
			String description) {
		return new FieldSpec<>(name, () -> GraphQLFloat, description,
				"From " + min.toPlainString() + " to " + max.toPlainString() + ", at most " + scale + " decimals.",
				(raw, path) -> {
					BigDecimal value = new BigDecimal(raw.toString()).stripTrailingZeros();
					if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
						throw ApiException.badRequest(path,
								"must be between " + min.toPlainString() + " and " + max.toPlainString());
					}
					if (value.scale() > scale) {
						throw ApiException.badRequest(path, "must have at most " + scale + " decimals");
					}
					return value.setScale(scale);
				}, "is required");
	}

	/**
	 * A list of at most {@code maxItems} non-null texts of at most {@code maxCharacters}
	 * each, trimmed.
	 */
	public static FieldSpec<List<String>> textList(String name, int maxItems, int maxCharacters, String description) {
		return new FieldSpec<>(name, () -> GraphQLList.list(GraphQLNonNull.nonNull(GraphQLString)), description,
				"At most " + maxItems + " items of at most " + maxCharacters + " characters.", (raw, path) -> {
					List<String> values = strings(raw, path);
					if (values.size() > maxItems) {
						throw ApiException.badRequest(path, "must have at most " + maxItems + " items");
					}
					return values.stream().map(value -> checkText(value.strip(), maxCharacters, path)).toList();
				}, "is required");
	}

	/**
	 * A list of at most {@code maxItems} non-null integers, each from {@code min} to
	 * {@code max}.
	 */
	public static FieldSpec<List<Integer>> integerList(String name, int min, int max, int maxItems,
			String description) {
		return new FieldSpec<>(name, () -> GraphQLList.list(GraphQLNonNull.nonNull(GraphQLInt)), description,
				"At most " + maxItems + " items, each from " + min + " to " + max + ".", (raw, path) -> {
					List<Integer> values = ((List<?>) raw).stream().map(item -> ((Number) item).intValue()).toList();
					if (values.size() > maxItems) {
						throw ApiException.badRequest(path, "must have at most " + maxItems + " items");
					}
					if (values.stream().anyMatch(value -> value < min || value > max)) {
						throw ApiException.badRequest(path, "items must be between " + min + " and " + max);
					}
					return values;
				}, "is required");
	}

	public static FieldSpec<Boolean> bool(String name, String description) {
		return new FieldSpec<>(name, () -> GraphQLBoolean, description, "", (raw, path) -> (Boolean) raw,
				"is required");
	}

	/** A JSON object nested at most {@link #JSON_DEPTH} levels deep. */
	public static FieldSpec<Map<String, Object>> jsonObject(String name, String description) {
		return new FieldSpec<>(name, () -> Scalars.JSON, description,
				"A JSON object, nested at most " + JSON_DEPTH + " levels deep.", FieldSpec::checkJsonObject,
				"is required and must be a JSON object");
	}

	/** A DateTime, as the scalar parsed it. */
	public static FieldSpec<Instant> dateTime(String name, String description) {
		return new FieldSpec<>(name, () -> Scalars.DATE_TIME, description, "", (raw, path) -> (Instant) raw,
				"is required");
	}

	/** A value of the enum type {@code enumType}, as the name of its (internal) value. */
	public static FieldSpec<String> enumValue(String name, String enumType, String description) {
		return new FieldSpec<>(name, () -> GraphQLTypeReference.typeRef(enumType), description, "",
				(raw, path) -> raw.toString(), "is required");
	}

	/** A list of non-null values of the enum type {@code enumType}, as value names. */
	public static FieldSpec<List<String>> enumList(String name, String enumType, String description) {
		return new FieldSpec<>(name,
				() -> GraphQLList.list(GraphQLNonNull.nonNull(GraphQLTypeReference.typeRef(enumType))), description, "",
				FieldSpec::strings, "is required");
	}

	/** A list of non-null ids. */
	public static FieldSpec<List<String>> idList(String name, String description) {
		return new FieldSpec<>(name, () -> GraphQLList.list(GraphQLNonNull.nonNull(GraphQLID)), description, "",
				FieldSpec::strings, "is required");
	}

	/** A list of at most {@code maxItems} non-null ids. */
	public static FieldSpec<List<String>> idList(String name, int maxItems, String description) {
		return new FieldSpec<>(name, () -> GraphQLList.list(GraphQLNonNull.nonNull(GraphQLID)), description,
				"At most " + maxItems + " ids.", (raw, path) -> {
					List<String> ids = strings(raw, path);
					if (ids.size() > maxItems) {
						throw ApiException.badRequest(path,
								"must hold at most " + maxItems + " ids; it holds " + ids.size());
					}
					return ids;
				}, "is required");
	}

	/**
	 * An input object of type {@code inputType}, read as a nested {@link Input}: GraphQL
	 * has checked its shape; its fields check their own values.
	 */
	@SuppressWarnings("unchecked")
	public static FieldSpec<Map<String, Object>> object(String name, String inputType, String description) {
		return new FieldSpec<>(name, () -> GraphQLTypeReference.typeRef(inputType), description, "",
				(raw, path) -> (Map<String, Object>) raw, "is required");
	}

	/**
	 * The same field, declared non-null in the schema (GraphQL itself refuses a null).
	 */
	public FieldSpec<T> nonNull() {
		return new FieldSpec<>(name, () -> GraphQLNonNull.nonNull(type.get()), summary, limit, check, requiredProblem,
				blankIsAbsent);
	}

	/**
	 * The same field, limit and check with another summary (the same field in another
	 * type).
	 */
	public FieldSpec<T> describedAs(String otherSummary) {
		return new FieldSpec<>(name, type, otherSummary, limit, check, requiredProblem, blankIsAbsent);
	}

	public String name() {
		return name;
	}

	/** The summary followed by the limit, as the schema shows it. */
	public String description() {
		return limit.isEmpty() ? summary : summary + " " + limit;
	}

	public GraphQLArgument argument() {
		return GraphQLArgument.newArgument().name(name).type(type.get()).description(description()).build();
	}

	public GraphQLInputObjectField inputField() {
		return GraphQLInputObjectField.newInputObjectField()
			.name(name)
			.type(type.get())
			.description(description())
			.build();
	}

	/** The checked value of what the client sent (not null) at {@code path}. */
	T check(Object raw, String path) {
		return check.apply(raw, path);
	}

	/** True when a checked value counts as absent: blank text, for text fields. */
	boolean absent(T value) {
		return blankIsAbsent && value instanceof String text && text.isEmpty();
	}

	/** Why a missing value is refused, e.g. "is required and must not be blank". */
	String requiredProblem() {
		return requiredProblem;
	}

	private static String checkText(String value, int max, String path) {
		if (value.length() > max) {
			throw ApiException.badRequest(path, "must be at most " + max + " characters");
		}
		if (max >= TEXT_BYTES && value.getBytes(StandardCharsets.UTF_8).length > TEXT_BYTES) {
			throw ApiException.badRequest(path, "must be at most " + TEXT_BYTES + " bytes in UTF-8");
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> checkJsonObject(Object raw, String path) {
		if (!(raw instanceof Map<?, ?> map)) {
			throw ApiException.badRequest(path, "must be a JSON object");
		}
		if (depth(map, 0) > JSON_DEPTH) {
			throw ApiException.badRequest(path, "must not nest deeper than " + JSON_DEPTH + " levels");
		}
		return (Map<String, Object>) map;
	}

	/**
	 * How deeply {@code value} nests, counting no further than one past the limit (so a
	 * hostile depth costs no more than an allowed one).
	 */
	private static int depth(Object value, int above) {
		if (above > JSON_DEPTH) {
			return above;
		}
		Iterable<?> children;
		if (value instanceof Map<?, ?> map) {
			children = map.values();
		}
		else if (value instanceof Iterable<?> list) {
			children = list;
		}
		else {
			return above;
		}
		int deepest = above + 1;
		for (Object child : children) {
			deepest = Math.max(deepest, depth(child, above + 1));
		}
		return deepest;
	}

	private static List<String> strings(Object raw, String path) {
		return ((List<?>) raw).stream().map(Object::toString).toList();
	}

}

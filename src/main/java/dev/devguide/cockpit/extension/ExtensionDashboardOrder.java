package dev.devguide.cockpit.extension;

import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.persistence.Rows;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * The orders of the {@code extensionDashboards} list, each a total order ending in the
 * id, with its keyset cursor: base64url of {@code <order>:<id>:<value>}, where the value
 * is the row's download count, creation time (epoch microseconds) or name. A cursor
 * issued for another order is refused.
 */
enum ExtensionDashboardOrder {

	/** Most downloaded first (a NULL count, written past the API, counts as 0). */
	DOWNLOADS("COALESCE(download_count, 0)", "DESC"),

	/** Newest first. */
	NEWEST("created_at", "DESC"),

	/** By name, A to Z (as the binary collation compares, so upper case first). */
	NAME("name", "ASC");

	/** Where a page starts: the sort value and the id of the row it follows. */
	record Position(ExtensionDashboardOrder order, String id, String value) {
	}

	private final String column;

	private final String direction;

	ExtensionDashboardOrder(String column, String direction) {
		this.column = column;
		this.direction = direction;
	}

	/** The ORDER BY clause (without the keyword). */
	String orderBy() {
		return column + " " + direction + ", id " + direction;
	}

	/**
	 * The condition "after this position" with its parameters {@code :afterValue} and
	 * {@code :afterId}.
	 */
	String after() {
		String beyond = direction.equals("DESC") ? "<" : ">";
		return "(" + column + " " + beyond + " :afterValue OR (" + column + " = :afterValue AND id " + beyond
				+ " :afterId))";
	}

	/** The sort value of a row, as the cursor holds it. */
	String value(ExtensionDashboard row) {
		return switch (this) {
			case DOWNLOADS -> Long.toString(row.downloadCount());
			case NEWEST -> Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, row.createdAt()));
			case NAME -> row.name();
		};
	}

	/** The value to bind as {@code :afterValue}. */
	Object bound(Position position) {
		return switch (this) {
			case DOWNLOADS -> Long.parseLong(position.value());
			case NEWEST -> Rows.utc(Instant.EPOCH.plus(Long.parseLong(position.value()), ChronoUnit.MICROS));
			case NAME -> position.value();
		};
	}

	String cursor(ExtensionDashboard row) {
		String raw = name() + ":" + row.id() + ":" + value(row);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The position a cursor of this order points at; anything else is a BAD_REQUEST
	 * naming {@code field}.
	 */
	Position decode(String cursor, String field) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 3);
			if (parts.length != 3 || parts[1].isEmpty()) {
				throw new IllegalArgumentException("not a cursor");
			}
			Position position = new Position(valueOf(parts[0]), parts[1], parts[2]);
			if (position.order() != this) {
				throw ApiException.badRequest(field,
						"is a cursor of the " + position.order() + " order; this list is ordered by " + this);
			}
			bound(position);
			return position;
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest(field, "is not a cursor of the extension dashboard list");
		}
	}

}

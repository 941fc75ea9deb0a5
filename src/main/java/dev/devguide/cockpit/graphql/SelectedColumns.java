package dev.devguide.cockpit.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of one table that a {@link Selection} needs: the ones always read (the id,
 * the keys relations and grouping read, the order of a page) and each field's own column,
 * read only when the field is selected. Declared once per repository.
 */
public final class SelectedColumns {

	private final List<String> always;

	private final Map<String, String> byField = new LinkedHashMap<>();

	private SelectedColumns(List<String> always) {
		this.always = always;
	}

	/** The columns every read includes. */
	public static SelectedColumns always(String... columns) {
		return new SelectedColumns(List.of(columns));
	}

	/** Field {@code field} reads {@code column}. */
	public SelectedColumns field(String field, String column) {
		byField.put(field, column);
		return this;
	}

	/**
	 * The SELECT list for the selection: the columns always read, then the selected ones.
	 */
	public String of(Selection selection) {
		StringBuilder columns = new StringBuilder(String.join(", ", always));
		byField.forEach((field, column) -> {
			if (selection.has(field) && !always.contains(column)) {
				columns.append(", ").append(column);
			}
		});
		return columns.toString();
	}

}

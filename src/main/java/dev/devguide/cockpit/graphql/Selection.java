package dev.devguide.cockpit.graphql;

import graphql.GraphQLContext;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The fields a request selects on the rows a relation loads: what a batch finder needs to
 * read, so that it reads only the columns asked for (and parses a JSON column only when
 * it is selected). Part of the DataLoader key, so a row loaded for one selection is never
 * served to another that needs more; the loader merges the selections of a batch into one
 * statement.
 */
public final class Selection {

	/** Every field: for callers outside a request, which read whole rows. */
	public static final Selection ALL = new Selection(null);

	/** The selected field names; null for every field. */
	private final @Nullable Set<String> fields;

	private Selection(@Nullable Set<String> fields) {
		this.fields = fields;
	}

	/** The given field names. */
	public static Selection of(Collection<String> fields) {
		return new Selection(Collections.unmodifiableSortedSet(new TreeSet<>(fields)));
	}

	/** The fields selected on the current field's value, for a root field's own read. */
	public static Selection of(DataFetchingEnvironment env) {
		return of(env, false);
	}

	/** The fields selected on the nodes of the current connection field. */
	public static Selection ofNodes(DataFetchingEnvironment env) {
		return of(env, true);
	}

	/**
	 * The fields selected below the current field (below {@code edges.node} for a
	 * connection), computed once per place in the query.
	 */
	static Selection of(DataFetchingEnvironment env, boolean connection) {
		Map<Field, Selection> cache = cache(env.getGraphQlContext());
		return cache.computeIfAbsent(env.getField(), field -> {
			List<SelectedField> selected = env.getSelectionSet().getImmediateFields();
			if (connection) {
				// edges, then node, by name: getFields("edges/node/*") compiles a glob
				// per call
				selected = below(below(selected, "edges"), "node");
			}
			TreeSet<String> names = new TreeSet<>();
			selected.forEach(one -> names.add(one.getName()));
			return new Selection(Collections.unmodifiableSortedSet(names));
		});
	}

	/** The fields selected below every selection of {@code name} among {@code fields}. */
	private static List<SelectedField> below(List<SelectedField> fields, String name) {
		List<SelectedField> below = new ArrayList<>();
		for (SelectedField field : fields) {
			if (field.getName().equals(name)) {
				below.addAll(field.getSelectionSet().getImmediateFields());
			}
		}
		return below;
	}

	@SuppressWarnings("unchecked")
	private static Map<Field, Selection> cache(GraphQLContext context) {
		return (Map<Field, Selection>) context.computeIfAbsent(Selection.class,
				key -> new ConcurrentHashMap<Field, Selection>());
	}

	/** True when {@code field} is selected. */
	public boolean has(String field) {
		return fields == null || fields.contains(field);
	}

	/** True when any of the fields is selected. */
	public boolean hasAny(String... names) {
		for (String name : names) {
			if (has(name)) {
				return true;
			}
		}
		return false;
	}

	/** This selection and {@code other}'s: what one statement must read for both. */
	Selection and(Selection other) {
		if (fields == null || other.fields == null) {
			return ALL;
		}
		TreeSet<String> both = new TreeSet<>(fields);
		both.addAll(other.fields);
		return new Selection(Collections.unmodifiableSortedSet(both));
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Selection selection && java.util.Objects.equals(fields, selection.fields);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hashCode(fields);
	}

	@Override
	public String toString() {
		return fields == null ? "*" : fields.toString();
	}

}

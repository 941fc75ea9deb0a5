package dev.devguide.cockpit.project;

import dev.devguide.cockpit.audit.VersionHistory;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.security.Caller;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The steps shared by ordered children whose every change is a version (dashboards of a
 * profile, modules of a dashboard): place a new child, move one, restore an earlier
 * version, and store the row as it is afterwards as the next {@code version_history}
 * entry. Run inside the transaction that locked the parent's project.
 */
final class VersionedChildren<T> {

	private final String type;

	private final Function<String, Mono<T>> find;

	private final BiFunction<T, Integer, Mono<Void>> move;

	private final VersionHistory versions;

	VersionedChildren(String type, Function<String, Mono<T>> find, BiFunction<T, Integer, Mono<Void>> move,
			VersionHistory versions) {
		this.type = type;
		this.find = find;
		this.move = move;
		this.versions = versions;
	}

	/**
	 * A child just appended: moved to {@code position} if one was asked for, then stored
	 * as its first version.
	 */
	Mono<T> created(Caller caller, String id, @Nullable Integer position) {
		Mono<Void> placed = position == null ? Mono.empty() : find.apply(id).flatMap(row -> move.apply(row, position));
		return placed.then(snapshot(caller, id, "created"));
	}

	/** Moves the child to {@code position} (0 is first) and stores the new version. */
	Mono<T> moved(Caller caller, String id, int position) {
		return find.apply(id)
			.flatMap(row -> move.apply(row, position))
			.then(snapshot(caller, id, "moved to position " + position));
	}

	/** Stores the version after the given fields changed. */
	Mono<T> updated(Caller caller, String id, Set<String> fields) {
		return snapshot(caller, id, "updated: " + String.join(", ", fields));
	}

	/** A child after a restore: the version restored and the new version recorded. */
	record Restored<T>(T row, int restored, int version) {
	}

	/**
	 * Makes version {@code number} of the child current: {@code apply} writes the fields
	 * of the snapshot onto the current row; the result is stored as a new version. An
	 * unknown number is a BAD_REQUEST naming {@code path}.
	 */
	Mono<Restored<T>> restored(Caller caller, String id, int number, String path,
			BiFunction<T, Map<?, ?>, Mono<Void>> apply) {
		String description = "restored version " + number;
		return versions.find(type, id, number)
			.switchIfEmpty(
					Mono.error(() -> ApiException.badRequest(path, type + " " + id + " has no version " + number)))
			.flatMap(version -> find.apply(id).flatMap(current -> apply.apply(current, (Map<?, ?>) version.snapshot())))
			.then(Mono.defer(() -> find.apply(id)))
			.flatMap(row -> versions.snapshot(caller, type, id, row, description)
				.map(stored -> new Restored<>(row, number, stored)));
	}

	/** The text at {@code key} of a snapshot, or {@code current} if it holds none. */
	static String text(Map<?, ?> snapshot, String key, String current) {
		return snapshot.get(key) instanceof String value ? value : current;
	}

	/**
	 * The nullable text at {@code key} of a snapshot (a JSON null clears), or
	 * {@code current} if the snapshot lacks the key.
	 */
	static @Nullable String textOrNull(Map<?, ?> snapshot, String key, @Nullable String current) {
		if (!snapshot.containsKey(key)) {
			return current;
		}
		return snapshot.get(key) instanceof String value ? value : null;
	}

	/**
	 * The JSON value at {@code key} of a snapshot, or {@code current} if it holds none.
	 */
	static Object json(Map<?, ?> snapshot, String key, Object current) {
		Object value = snapshot.get(key);
		return value == null ? current : value;
	}

	private Mono<T> snapshot(Caller caller, String id, String description) {
		return find.apply(id).flatMap(row -> versions.snapshot(caller, type, id, row, description).thenReturn(row));
	}

}

package dev.devguide.cockpit.migration;

import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Connections;
import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Page;
import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.CallerContext;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who may read and write the migration programme (phases, tasks, enum migrations, global
 * impacts, test results, the file audit and the dashboard): admins and the
 * {@code migration} personas read and write; approvals are admins' (the Architect).
 */
final class MigrationAccess {

	private MigrationAccess() {
	}

	/** The caller, if it may read the programme; else FORBIDDEN. */
	static Mono<Caller> reader() {
		return CallerContext.current().flatMap(MigrationAccess::persona);
	}

	/** {@code caller}, if an admin or a migration persona; else FORBIDDEN. */
	static Mono<Caller> persona(Caller caller) {
		return Mono.fromCallable(() -> {
			requirePersona(caller);
			return caller;
		});
	}

	/** Refuses (FORBIDDEN) a caller who is neither an admin nor of the migration role. */
	static void requirePersona(Caller caller) {
		if (!caller.migrationPersona()) {
			throw ApiException
				.forbidden("Only admins and the migration role may read or change the migration programme");
		}
	}

	/** {@code caller}, if an admin; else FORBIDDEN. */
	static Mono<Caller> approver(Caller caller) {
		return caller.admin() ? Mono.just(caller)
				: Mono.error(ApiException.forbidden("Only admins (the Architect) may approve"));
	}

	/**
	 * A page of a connection, newest first: {@code rows} reads up to the given number of
	 * rows after the checked {@code after} position (null: from the start); each row's
	 * cursor is its {@code time} and {@code id}.
	 */
	static <T> Mono<Page<T>> page(Input arguments, BiFunction<Cursors.@Nullable Position, Integer, Flux<T>> rows,
			Function<T, @Nullable Instant> time, Function<T, String> id, Supplier<Mono<Long>> total) {
		int first = Connections.first(arguments);
		Cursors.@Nullable Position after = Connections.after(arguments);
		return rows.apply(after, first + 1)
			.collectList()
			// the connections list only rows that have their time
			.map(page -> Page.of(page, first, after != null,
					row -> Cursors.encode(Objects.requireNonNull(time.apply(row)), id.apply(row)), total));
	}

}

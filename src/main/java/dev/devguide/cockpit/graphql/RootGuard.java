package dev.devguide.cockpit.graphql;

import reactor.core.publisher.Mono;

/**
 * What every root field waits for before its fetcher runs: a value when the request may
 * proceed (the authenticated caller, admitted by the field's {@link RootAccess}), an
 * error otherwise. The assembler wraps each root field with it, so that a new root field
 * cannot forget the check.
 */
@FunctionalInterface
public interface RootGuard {

	Mono<?> check(RootAccess access);

}

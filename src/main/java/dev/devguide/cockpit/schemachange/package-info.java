/**
 * Schema changes through the API: the admins' {@code schemaStatus} (applied and pending
 * changesets, the SQL an apply would run, tags, approvals and rollback checks) and
 * {@code schemaHealth} (the specification's validation queries against the live
 * database). The JDBC and Liquibase work is {@code persistence.SchemaChanges}, run off
 * the event loop. Non-null by default: every type use in this package is non-null unless
 * marked {@link org.jspecify.annotations.Nullable @Nullable}; NullAway checks it at
 * compile time.
 */
@NullMarked
package dev.devguide.cockpit.schemachange;

import org.jspecify.annotations.NullMarked;

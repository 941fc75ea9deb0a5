/**
 * The V7 migration programme (Architectural Directive 005 and its database-phase
 * workflow): phases and their approval, tasks and their dependency graph, enum
 * consolidations, global impacts, test results and the file audit, read by admins and the
 * {@code migration} personas. Non-null by default: every type use in this package is
 * non-null unless marked {@link org.jspecify.annotations.Nullable @Nullable}; NullAway
 * checks it at compile time.
 */
@NullMarked
package dev.devguide.cockpit.migration;

import org.jspecify.annotations.NullMarked;

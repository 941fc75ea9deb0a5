/**
 * Extension orchestration: the community repository of extension dashboards (templates of
 * a dashboard with its modules, validated against a committed JSON Schema) with their
 * SemVer version history and rollback, installed into projects and applied as real
 * dashboards. Non-null by default: every type use in this package is non-null unless
 * marked {@link org.jspecify.annotations.Nullable @Nullable}; NullAway checks it at
 * compile time.
 */
@NullMarked
package dev.devguide.cockpit.extension;

import org.jspecify.annotations.NullMarked;

/**
 * Extension orchestration: community dashboards of VS Code extensions, installed into
 * projects and applied as real dashboards. Non-null by default: every type use in this
 * package is non-null unless marked {@link org.jspecify.annotations.Nullable @Nullable};
 * NullAway checks it at compile time.
 */
@NullMarked
package dev.devguide.cockpit.extension;

import org.jspecify.annotations.NullMarked;

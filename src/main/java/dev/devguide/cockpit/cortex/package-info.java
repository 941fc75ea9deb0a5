/**
 * Non-null by default: every type use in this package is non-null unless marked
 * {@link org.jspecify.annotations.Nullable @Nullable}; NullAway checks it at compile
 * time.
 */
@NullMarked
package dev.devguide.cockpit.cortex;

import org.jspecify.annotations.NullMarked;

/**
 * System and project monitoring: filesystem MAC times captured per project, and the clock
 * synchronisation of every component with its derived status. Non-null by default: every
 * type use in this package is non-null unless marked
 * {@link org.jspecify.annotations.Nullable @Nullable}; NullAway checks it at compile
 * time.
 */
@NullMarked
package dev.devguide.cockpit.monitoring;

import org.jspecify.annotations.NullMarked;

/** The benchmark: seeding, the raw-SQL floor, the load clients and the result table. */
@NullMarked
package dev.devguide.cockpit.benchmark;

import org.jspecify.annotations.NullMarked;

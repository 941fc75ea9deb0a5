/**
 * Non-null by default, like the main code (NullAway checks only the main code).
 */
@NullMarked
package dev.devguide.cockpit.schemachange;

import org.jspecify.annotations.NullMarked;

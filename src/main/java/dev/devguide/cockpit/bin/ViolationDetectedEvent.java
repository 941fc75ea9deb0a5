package dev.devguide.cockpit.bin;

import dev.devguide.cockpit.governance.MetadataViolation;

/**
 * A VIOLATION_DETECTED outbox event as a subscription delivers it: the cursor, the
 * violation and its standard's enforcement level.
 */
record ViolationDetectedEvent(String cursor, MetadataViolation violation, String enforcementLevel) {
}

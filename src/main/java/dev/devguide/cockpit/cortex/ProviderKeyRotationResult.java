package dev.devguide.cockpit.cortex;

/**
 * What one rotation batch did: the primary key id, how many rows it sealed again, and how
 * many remain under another key.
 */
public record ProviderKeyRotationResult(String primaryKeyId, int rotated, int remaining) {
}

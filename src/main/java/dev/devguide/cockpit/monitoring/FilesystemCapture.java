package dev.devguide.cockpit.monitoring;

import java.time.Instant;

/**
 * What {@code captureFilesystemTimestamps} wrote: how many rows, and their capture time.
 */
public record FilesystemCapture(String projectId, int captured, Instant capturedAt) {
}

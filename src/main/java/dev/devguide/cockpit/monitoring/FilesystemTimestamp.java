package dev.devguide.cockpit.monitoring;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code filesystem_timestamps}: one file's access, modification and change
 * times at one capture. {@code projectId} is a soft reference; the API always sets it.
 */
public record FilesystemTimestamp(String id, @Nullable String projectId, String filePath, Instant atime, Instant mtime,
		Instant ctime, Instant capturedAt, @Nullable String gitCommitSha) {
}

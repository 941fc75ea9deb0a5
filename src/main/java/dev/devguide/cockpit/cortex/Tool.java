package dev.devguide.cockpit.cortex;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code tool_registry}: a tool AI agents may invoke, how it is implemented, its
 * configuration schema, and the module capability a project needs before it may be
 * granted the tool. {@code createdAt} is null only in a row not yet inserted.
 */
public record Tool(String id, String name, String category, String description, String implementationType,
		Map<String, Object> config, boolean system, @Nullable String requiresCapability, @Nullable Instant createdAt) {
}

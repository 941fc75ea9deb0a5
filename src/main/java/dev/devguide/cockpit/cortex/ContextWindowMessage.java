package dev.devguide.cockpit.cortex;

import java.time.Instant;

/**
 * One message of a context window, as stored in its {@code conversation_history} JSON
 * array: {@code {"role": "user", "content": "...", "tokens": 12, "at": "...Z"}}. The role
 * is the lower-case name of the GraphQL enum value; {@code at} is when the server
 * appended it.
 */
public record ContextWindowMessage(String role, String content, int tokens, Instant at) {

}

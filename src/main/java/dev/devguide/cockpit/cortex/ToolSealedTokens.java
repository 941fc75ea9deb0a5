package dev.devguide.cockpit.cortex;

/**
 * A grant's id and its OAuth configuration with sealed tokens, as the key rotation reads
 * them.
 */
record ToolSealedTokens(String id, ToolOAuth oauth) {
}

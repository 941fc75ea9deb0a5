package dev.devguide.cockpit.cortex;

/**
 * What {@code appendContextMessages} answers: the window after the append and how many of
 * its oldest messages (and their tokens) were evicted to make room.
 */
public record ContextWindowAppended(ContextWindow window, int evicted, int evictedTokens) {

}

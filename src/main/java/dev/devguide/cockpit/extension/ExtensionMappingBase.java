package dev.devguide.cockpit.extension;

/**
 * The config of an extension dashboard, the base that a mapping's {@code customConfig} is
 * merged into.
 */
public record ExtensionMappingBase(String id, Object config) {
}

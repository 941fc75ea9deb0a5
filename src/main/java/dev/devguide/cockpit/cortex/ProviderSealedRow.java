package dev.devguide.cockpit.cortex;

/** A row's id and its sealed key, as the key rotation reads them. */
record ProviderSealedRow(String id, byte[] sealed) {
}

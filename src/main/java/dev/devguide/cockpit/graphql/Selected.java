package dev.devguide.cockpit.graphql;

/**
 * The key a relation's DataLoader actually caches and batches by: the row's key and the
 * fields selected on it, so that a row read for a narrow selection is never served to a
 * wider one.
 */
record Selected<K>(K key, Selection selection) {
}

package dev.devguide.cockpit.migration;

import java.util.List;

/** One entry of an enum migration's {@code affected_columns}: a table and its columns. */
public record EnumMigrationColumns(String table, List<String> columns) {

}

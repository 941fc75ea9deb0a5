package dev.devguide.cockpit.migration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code v7_enum_migrations}: one ENUM consolidated into a V7 ENUM, with its
 * scripts, its risk and where it stands. {@code affectedColumns} is the column's
 * {@code {table: [columns]}} as a list, in the object's order. {@code createdAt} is null
 * only in a row not yet inserted.
 */
public record EnumMigration(String id, String currentEnumName, List<String> currentEnumValues, String v7EnumName,
		List<String> v7EnumValues, @Nullable List<String> consolidatesWith, List<String> affectedTables,
		List<EnumMigrationColumns> affectedColumns, @Nullable String migrationScript, @Nullable String rollbackScript,
		String status, @Nullable String riskLevel, @Nullable String approvedBy, @Nullable Instant implementedAt,
		@Nullable Instant validatedAt, @Nullable Instant retiredAt, @Nullable Instant createdAt) {

	public static final String PROPOSED = "proposed";

	public static final String APPROVED = "approved";

	public static final String IMPLEMENTED = "implemented";

	public static final String VALIDATED = "validated";

	public static final String RETIRED = "retired";

	public static final String ROLLED_BACK = "rolled_back";

	/** Each status a migration may move to, and the statuses it may move there from. */
	static final Map<String, Set<String>> MOVES = Map.of(APPROVED, Set.of(PROPOSED), IMPLEMENTED, Set.of(APPROVED),
			VALIDATED, Set.of(IMPLEMENTED), RETIRED, Set.of(VALIDATED), ROLLED_BACK, Set.of(IMPLEMENTED, VALIDATED));

}

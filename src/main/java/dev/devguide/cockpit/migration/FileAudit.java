package dev.devguide.cockpit.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code file_audit}: one audited file of the code base and its V7 migration
 * (target name, ENUMs, dependencies, impact, review, implementation and test status,
 * retirement date). The timestamps are null only in a row not yet inserted.
 */
public record FileAudit(String id, String filePath, String fileName, @Nullable String contentSha256,
		@Nullable Instant lastModifiedAt, @Nullable String notes, @Nullable String v7WorkflowStatus,
		@Nullable String v7TargetName, @Nullable List<String> v7DatabaseEnums, @Nullable Object v7EnumMappings,
		@Nullable List<String> v7Dependencies, @Nullable List<String> v7Dependents, @Nullable Integer v7ImpactScore,
		@Nullable String v7ReviewStatus, @Nullable List<String> v7ReviewedBy, @Nullable String v7ImplementationStatus,
		@Nullable String v7TestStatus, @Nullable LocalDate v7RetirementDate, @Nullable Instant createdAt,
		@Nullable Instant updatedAt) {

	/** The resource type of a file audit row's metadata violations. */
	public static final String RESOURCE_TYPE = "file_audit";

	/** The field path the naming standard checks: the V7 target name. */
	public static final String TARGET_NAME_FIELD = "v7_target_name";

	/** The workflow status of a new row, as the directive's column default. */
	public static final String PENDING_ASSESSMENT = "pending_assessment";

}

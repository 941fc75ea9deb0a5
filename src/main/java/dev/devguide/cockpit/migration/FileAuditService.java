package dev.devguide.cockpit.migration;

import static dev.devguide.cockpit.migration.FileAuditInputs.CONTENT_SHA256;
import static dev.devguide.cockpit.migration.FileAuditInputs.FILE_NAME;
import static dev.devguide.cockpit.migration.FileAuditInputs.FILE_PATH;
import static dev.devguide.cockpit.migration.FileAuditInputs.LAST_MODIFIED_AT;
import static dev.devguide.cockpit.migration.FileAuditInputs.NOTES;
import static dev.devguide.cockpit.migration.FileAuditInputs.REVIEW_STATUS_FILTER;
import static dev.devguide.cockpit.migration.FileAuditInputs.V7_DATABASE_ENUMS;
import static dev.devguide.cockpit.migration.FileAuditInputs.V7_DEPENDENCIES;
import static dev.devguide.cockpit.migration.FileAuditInputs.V7_DEPENDENTS;
import static dev.devguide.cockpit.migration.FileAuditInputs.V7_ENUM_MAPPINGS;
import static dev.devguide.cockpit.migration.FileAuditInputs.V7_IMPACT_SCORE;
import static dev.devguide.cockpit.migration.FileAuditInputs.V7_IMPLEMENTATION_STATUS;
import static dev.devguide.cockpit.migration.FileAuditInputs.V7_RETIREMENT_DATE;
import static dev.devguide.cockpit.migration.FileAuditInputs.V7_REVIEWED_BY;
import static dev.devguide.cockpit.migration.FileAuditInputs.V7_REVIEW_STATUS;
import static dev.devguide.cockpit.migration.FileAuditInputs.V7_TARGET_NAME;
import static dev.devguide.cockpit.migration.FileAuditInputs.V7_TEST_STATUS;
import static dev.devguide.cockpit.migration.FileAuditInputs.V7_WORKFLOW_STATUS;
import static dev.devguide.cockpit.migration.FileAuditInputs.WORKFLOW_STATUS_FILTER;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.governance.ResourceViolations;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Page;
import dev.devguide.cockpit.security.Caller;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The file audit: rows recorded and changed by admins and the migration personas, read by
 * both as a connection, newest first. Every write checks the V7 target name against the
 * active standards that check {@code v7_target_name} (the seed nm-001-v7-file-name) and
 * keeps the row's metadata violations in line, in the same transaction.
 */
@Service
class FileAuditService {

	static final String TYPE = FileAudit.RESOURCE_TYPE;

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	/** The {@code _<k>of<n>.py} ending of a V7 name. */
	private static final Pattern PART = Pattern.compile("_([0-9]+)of([0-9]+)\\.py$");

	private final FileAuditRepository files;

	private final ResourceViolations violations;

	private final AuditedTransactions transactions;

	FileAuditService(FileAuditRepository files, ResourceViolations violations, AuditedTransactions transactions) {
		this.files = files;
		this.violations = violations;
		this.transactions = transactions;
	}

	/** A page of the rows in the statuses given, newest first. */
	Mono<Page<FileAudit>> page(Input arguments) {
		return MigrationAccess.reader().flatMap(caller -> {
			String workflow = arguments.optional(WORKFLOW_STATUS_FILTER);
			String review = arguments.optional(REVIEW_STATUS_FILTER);
			return MigrationAccess.page(arguments, (after, limit) -> files.page(workflow, review, after, limit),
					FileAudit::createdAt, FileAudit::id, () -> files.count(workflow, review));
		});
	}

	Mono<FileAudit> record(Input input) {
		String id = UUID.randomUUID().toString();
		return write(AuditFacts.of("file_audit.record", TYPE, id).with("fields", input.fieldNames()), id, input, null);
	}

	Mono<FileAudit> update(String id, Input input) {
		return write(AuditFacts.of("file_audit.update", TYPE, id).with("fields", input.fieldNames()), id, input,
				files.lock(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("FileAudit", id))));
	}

	/** What a write stored, and the violations its name check opened and resolved. */
	private record Written(FileAudit row, ResourceViolations.Outcome violations) {
	}

	/** Records the row ({@code existing} null) or changes the locked row it emits. */
	private Mono<FileAudit> write(AuditFacts facts, String id, Input input, @Nullable Mono<FileAudit> existing) {
		return transactions.run(facts,
				caller -> MigrationAccess.persona(caller)
					.then(existing == null ? Mono.just(blank(id)) : existing)
					.flatMap(current -> {
						FileAudit changed = merge(current, input, existing == null);
						ApiException taken = ApiException.badRequest(input.path(FILE_PATH),
								"another file audit row has the path " + changed.filePath());
						// the check reads what is committed; a write racing it meets the
						// unique key
						return files.pathTaken(changed.filePath(), id)
							.flatMap(exists -> exists ? Mono.error(taken) : files.save(changed, existing == null))
							.onErrorMap(DuplicateKeyException.class, ex -> taken)
							.then(Mono.defer(() -> checkName(caller, changed)))
							.flatMap(outcome -> files.findById(id).map(row -> new Written(row, outcome)));
					}),
				(done, written) -> done.with("v7TargetName", written.row().v7TargetName())
					.with("violationsOpened", written.violations().opened())
					.with("violationsResolved", written.violations().resolved()))
			.map(Written::row);
	}

	private Mono<ResourceViolations.Outcome> checkName(Caller caller, FileAudit row) {
		Map<String, @Nullable String> fields = new HashMap<>();
		fields.put(FileAudit.TARGET_NAME_FIELD, row.v7TargetName());
		return violations.check(FileAudit.RESOURCE_TYPE, row.id(), fields, null, caller.userId());
	}

	/** An empty row for a record to fill (its required fields come from the input). */
	private static FileAudit blank(String id) {
		return new FileAudit(id, "", "", null, null, null, FileAudit.PENDING_ASSESSMENT, null, null, null, null, null,
				null, null, null, null, null, null, null, null);
	}

	private static FileAudit merge(FileAudit current, Input input, boolean isNew) {
		String path = isNew ? input.required(FILE_PATH) : input.update(FILE_PATH, current.filePath());
		String name = isNew ? input.orElse(FILE_NAME, lastSegment(path)) : input.update(FILE_NAME, current.fileName());
		String sha = input.updateOrClear(CONTENT_SHA256, current.contentSha256());
		if (sha != null && !SHA256.matcher(sha.toLowerCase(Locale.ROOT)).matches()) {
			throw ApiException.badRequest(input.path(CONTENT_SHA256), "must be 64 hexadecimal digits");
		}
		String target = input.updateOrClear(V7_TARGET_NAME, current.v7TargetName());
		checkParts(target, input.path(V7_TARGET_NAME));
		return new FileAudit(current.id(), path, name, sha == null ? null : sha.toLowerCase(Locale.ROOT),
				input.updateOrClear(LAST_MODIFIED_AT, current.lastModifiedAt()),
				input.updateOrClear(NOTES, current.notes()),
				input.updateOrClear(V7_WORKFLOW_STATUS, current.v7WorkflowStatus()), target,
				input.updateOrClear(V7_DATABASE_ENUMS, current.v7DatabaseEnums()),
				input.updateOrClear(V7_ENUM_MAPPINGS, current.v7EnumMappings()),
				input.updateOrClear(V7_DEPENDENCIES, current.v7Dependencies()),
				input.updateOrClear(V7_DEPENDENTS, current.v7Dependents()),
				input.updateOrClear(V7_IMPACT_SCORE, current.v7ImpactScore()),
				input.updateOrClear(V7_REVIEW_STATUS, current.v7ReviewStatus()),
				input.updateOrClear(V7_REVIEWED_BY, current.v7ReviewedBy()),
				input.updateOrClear(V7_IMPLEMENTATION_STATUS, current.v7ImplementationStatus()),
				input.updateOrClear(V7_TEST_STATUS, current.v7TestStatus()),
				input.has(V7_RETIREMENT_DATE) ? date(input) : current.v7RetirementDate(), current.createdAt(),
				current.updatedAt());
	}

	/**
	 * Refuses a {@code _<k>of<n>.py} ending whose part k is 0 or greater than n: no
	 * pattern can compare the two numbers, so the API does.
	 */
	private static void checkParts(@Nullable String target, String path) {
		if (target == null) {
			return;
		}
		Matcher part = PART.matcher(target);
		if (part.find()) {
			BigInteger k = new BigInteger(part.group(1));
			BigInteger n = new BigInteger(part.group(2));
			if (k.signum() == 0 || k.compareTo(n) > 0) {
				throw ApiException.badRequest(path,
						"part " + part.group(1) + "of" + part.group(2) + " must have k from 1 to n");
			}
		}
	}

	private static @Nullable LocalDate date(Input input) {
		String text = input.optional(V7_RETIREMENT_DATE);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badRequest(input.path(V7_RETIREMENT_DATE), "must be a date as YYYY-MM-DD");
		}
	}

	private static String lastSegment(String path) {
		String name = path.substring(path.lastIndexOf('/') + 1);
		return name.isEmpty() ? path : name;
	}

}

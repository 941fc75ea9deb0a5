package dev.devguide.cockpit.bin;

import dev.devguide.cockpit.configuration.Guardrail;
import dev.devguide.cockpit.governance.MetadataStandard;
import dev.devguide.cockpit.governance.MetadataViolation;
import dev.devguide.cockpit.governance.StandardCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Checks a change's payload against the active standards (each scalar field whose path
 * the standard's field pattern finds must contain a match of its pattern, RE2) and the
 * enabled guardrails ({@link GuardrailRules}). A failed {@code error} standard or
 * {@code auto_reject} guardrail rejects the change; every failed standard check becomes a
 * violation. No database access: {@link BinService} loads and stores.
 */
final class ChangeValidator {

	static final String RESOURCE_TYPE = "sync_buffer";

	private ChangeValidator() {
	}

	/** The checks, the violations to store, and whether the change is rejected. */
	record Validation(List<Check> checks, List<MetadataViolation> violations, boolean rejected) {

		String status() {
			return rejected ? SyncChange.REJECTED : SyncChange.VALIDATED;
		}

		/** The {@code validation_results} JSON. */
		Map<String, Object> results() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("outcome", status());
			json.put("checked", checks.size());
			json.put("failed", checks.stream().filter(check -> !check.passed()).count());
			json.put("checks", checks.stream().map(Check::toJson).toList());
			return json;
		}

	}

	static Validation validate(SyncChange change, List<MetadataStandard> standards, List<Guardrail> guardrails,
			long payloadBytes) {
		List<FieldPaths.Field> fields = FieldPaths.of((Map<?, ?>) change.payload());
		List<Check> checks = new ArrayList<>();
		List<MetadataViolation> violations = new ArrayList<>();
		for (MetadataStandard standard : standards) {
			checkStandard(change, standard, fields, checks, violations);
		}
		for (Guardrail guardrail : guardrails) {
			checks.addAll(GuardrailRules.evaluate(guardrail, fields, payloadBytes));
		}
		boolean rejected = checks.stream().anyMatch(Check::rejects);
		return new Validation(checks, violations, rejected);
	}

	private static void checkStandard(SyncChange change, MetadataStandard standard, List<FieldPaths.Field> fields,
			List<Check> checks, List<MetadataViolation> violations) {
		StandardCheck check = StandardCheck.of(standard);
		if (check == null) {
			checks.add(Check.standard(standard, null, null, false, "the standard's pattern does not compile"));
			return;
		}
		for (FieldPaths.Field field : fields) {
			if (!field.scalar() || !check.checks(field.path())) {
				continue;
			}
			String value = field.text();
			if (check.passes(value)) {
				checks.add(Check.standard(standard, field.path(), null, true, "matches"));
				continue;
			}
			checks.add(Check.standard(standard, field.path(), value, false, check.message()));
			violations
				.add(new MetadataViolation(UUID.randomUUID().toString(), standard.id(), RESOURCE_TYPE, change.id(),
						value, fix(check, value), MetadataViolation.OPEN, null, null, null, change.projectId()));
		}
	}

	/**
	 * A temporal value's UTC form, if it parses as a timestamp and passes the standard.
	 */
	static @Nullable String fix(StandardCheck check, String value) {
		if (!MetadataStandard.TEMPORAL.equals(check.standard().category())) {
			return null;
		}
		String utc = SuggestedFixes.utcTimestamp(value);
		return utc != null && check.passes(utc) ? utc : null;
	}

}

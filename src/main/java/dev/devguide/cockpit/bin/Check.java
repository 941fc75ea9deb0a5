package dev.devguide.cockpit.bin;

import dev.devguide.cockpit.configuration.Guardrail;
import dev.devguide.cockpit.governance.MetadataStandard;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a change's {@code validation_results}: a field (or the whole payload, when
 * {@code field} is null) checked against a standard or a guardrail rule, passed or
 * failed, with a message.
 */
record Check(@Nullable String field, @Nullable MetadataStandard standard, @Nullable Guardrail guardrail, String rule,
		boolean passed, @Nullable String value, String message) {

	static Check standard(MetadataStandard standard, @Nullable String field, @Nullable String value, boolean passed,
			String message) {
		return new Check(field, standard, null, "patternRegex", passed, value, message);
	}

	static Check guardrail(Guardrail guardrail, String rule, @Nullable String field, boolean passed, String message) {
		return new Check(field, null, guardrail, rule, passed, null, message);
	}

	/**
	 * True when this failed check rejects the change (error standard, auto_reject
	 * guardrail).
	 */
	boolean rejects() {
		if (passed) {
			return false;
		}
		// A check is of a standard or else of a guardrail: the factories set one of them.
		return standard != null ? MetadataStandard.ERROR.equals(standard.enforcementLevel())
				: Objects.requireNonNull(guardrail).autoReject();
	}

	/** The JSON object stored in validation_results.checks. */
	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("field", field);
		if (standard != null) {
			json.put("kind", "standard");
			json.put("standardId", standard.id());
			json.put("standardName", standard.standardName());
			json.put("enforcementLevel", standard.enforcementLevel());
		}
		else {
			// not a standard's check, so a guardrail's (the factories set one of them)
			Guardrail checked = Objects.requireNonNull(guardrail);
			json.put("kind", "guardrail");
			json.put("guardrailId", checked.id());
			json.put("ruleId", checked.ruleId());
			json.put("severity", checked.severity());
			json.put("autoReject", checked.autoReject());
		}
		json.put("rule", rule);
		json.put("passed", passed);
		if (value != null) {
			json.put("value", value);
		}
		json.put("message", message);
		return json;
	}

}

package dev.devguide.cockpit.bin;

import dev.devguide.cockpit.configuration.Guardrail;
import dev.devguide.cockpit.governance.MetadataStandard;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a change's {@code validation_results}: a field (or the whole payload, when
 * {@code field} is null) checked against a standard or a guardrail rule, passed or
 * failed, with a message.
 */
record Check(String field, MetadataStandard standard, Guardrail guardrail, String rule, boolean passed, String value,
		String message) {

	static Check standard(MetadataStandard standard, String field, String value, boolean passed, String message) {
		return new Check(field, standard, null, "patternRegex", passed, value, message);
	}

	static Check guardrail(Guardrail guardrail, String rule, String field, boolean passed, String message) {
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
		return standard != null ? MetadataStandard.ERROR.equals(standard.enforcementLevel()) : guardrail.autoReject();
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
			json.put("kind", "guardrail");
			json.put("guardrailId", guardrail.id());
			json.put("ruleId", guardrail.ruleId());
			json.put("severity", guardrail.severity());
			json.put("autoReject", guardrail.autoReject());
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

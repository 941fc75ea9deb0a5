package dev.devguide.cockpit.bin;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.devguide.cockpit.configuration.Guardrail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What a guardrail's {@code configuration} means to the Bin. Every key is optional and a
 * guardrail may combine them; each gives its own checks:
 * <ul>
 * <li>{@code valuePattern} (with an optional {@code fieldPattern}): every scalar field
 * whose path {@code fieldPattern} finds (every scalar field, without one) must have a
 * value in which {@code valuePattern} finds a match (RE2);</li>
 * <li>{@code forbiddenFieldPattern}: no field path (of any value) may match it;</li>
 * <li>{@code requiredFields}: an array of exact field paths that must be present and not
 * null;</li>
 * <li>{@code maxPayloadBytes}: the payload's compact JSON text must be at most this many
 * UTF-8 bytes.</li>
 * </ul>
 * Other keys are ignored. A configuration that cannot be applied (a pattern RE2 cannot
 * compile, a value of the wrong type, {@code fieldPattern} without {@code valuePattern})
 * fails one check, rule {@code configuration}: a broken guardrail fails closed.
 */
final class GuardrailRules {

	private GuardrailRules() {
	}

	static List<Check> evaluate(Guardrail guardrail, List<FieldPaths.Field> fields, long payloadBytes) {
		if (!(guardrail.configuration() instanceof Map<?, ?> config)) {
			return List.of();
		}
		try {
			List<Check> checks = new ArrayList<>();
			values(guardrail, config, fields, checks);
			forbidden(guardrail, config, fields, checks);
			required(guardrail, config, fields, checks);
			size(guardrail, config, payloadBytes, checks);
			return checks;
		}
		catch (IllegalArgumentException | PatternSyntaxException ex) {
			return List.of(Check.guardrail(guardrail, "configuration", null, false,
					guardrail.ruleId() + ": configuration cannot be applied: " + ex.getMessage()));
		}
	}

	private static void values(Guardrail guardrail, Map<?, ?> config, List<FieldPaths.Field> fields,
			List<Check> checks) {
		Pattern fieldPattern = pattern(config, "fieldPattern");
		Pattern valuePattern = pattern(config, "valuePattern");
		if (valuePattern == null) {
			if (fieldPattern != null) {
				throw new IllegalArgumentException("fieldPattern needs a valuePattern");
			}
			return;
		}
		int before = checks.size();
		for (FieldPaths.Field field : fields) {
			if (field.scalar() && (fieldPattern == null || fieldPattern.matcher(field.path()).find())) {
				boolean ok = valuePattern.matcher(field.text()).find();
				checks.add(Check.guardrail(guardrail, "valuePattern", field.path(), ok,
						ok ? "matches valuePattern" : guardrail.ruleId() + ": value does not match valuePattern"));
			}
		}
		if (checks.size() == before) {
			checks.add(Check.guardrail(guardrail, "valuePattern", null, true, "no field matches fieldPattern"));
		}
	}

	private static void forbidden(Guardrail guardrail, Map<?, ?> config, List<FieldPaths.Field> fields,
			List<Check> checks) {
		Pattern forbidden = pattern(config, "forbiddenFieldPattern");
		if (forbidden == null) {
			return;
		}
		List<String> found = fields.stream()
			.map(FieldPaths.Field::path)
			.filter(path -> forbidden.matcher(path).find())
			.toList();
		found.forEach(path -> checks.add(Check.guardrail(guardrail, "forbiddenFieldPattern", path, false,
				guardrail.ruleId() + ": field is forbidden")));
		if (found.isEmpty()) {
			checks.add(Check.guardrail(guardrail, "forbiddenFieldPattern", null, true, "no forbidden field"));
		}
	}

	private static void required(Guardrail guardrail, Map<?, ?> config, List<FieldPaths.Field> fields,
			List<Check> checks) {
		Object raw = config.get("requiredFields");
		if (raw == null) {
			return;
		}
		if (!(raw instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
			throw new IllegalArgumentException("requiredFields must be an array of field paths");
		}
		Set<String> present = fields.stream()
			.filter(field -> field.value() != null)
			.map(FieldPaths.Field::path)
			.collect(Collectors.toSet());
		for (Object path : list) {
			boolean ok = present.contains(path);
			checks.add(Check.guardrail(guardrail, "requiredFields", (String) path, ok,
					ok ? "present" : guardrail.ruleId() + ": required field is missing or null"));
		}
	}

	private static void size(Guardrail guardrail, Map<?, ?> config, long payloadBytes, List<Check> checks) {
		Object raw = config.get("maxPayloadBytes");
		if (raw == null) {
			return;
		}
		if (!(raw instanceof Number max) || max.longValue() < 0) {
			throw new IllegalArgumentException("maxPayloadBytes must be a non-negative number");
		}
		boolean ok = payloadBytes <= max.longValue();
		checks.add(Check.guardrail(guardrail, "maxPayloadBytes", null, ok, "payload is " + payloadBytes + " bytes"
				+ (ok ? "" : ", more than " + max.longValue() + " (" + guardrail.ruleId() + ")")));
	}

	private static @Nullable Pattern pattern(Map<?, ?> config, String key) {
		Object raw = config.get(key);
		if (raw == null) {
			return null;
		}
		if (!(raw instanceof String text)) {
			throw new IllegalArgumentException(key + " must be a string");
		}
		try {
			return Pattern.compile(text);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException(key + " is not a valid RE2 pattern: " + ex.getDescription());
		}
	}

}

package dev.devguide.cockpit.governance;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * A metadata standard compiled for checking (RE2): the fields whose path its field
 * pattern finds are checked, and a checked value passes when its pattern finds a match in
 * it. The Bin checks change payloads with it; {@link ResourceViolations} checks the
 * fields of other domains' rows.
 */
public record StandardCheck(MetadataStandard standard, Pattern fields, Pattern values) {

	/**
	 * The standard compiled; null when it checks no field (no field pattern) or a pattern
	 * does not compile (a row written past the API, which refuses such patterns).
	 */
	public static @Nullable StandardCheck of(MetadataStandard standard) {
		String fieldPattern = standard.fieldPattern();
		if (fieldPattern == null) {
			return null;
		}
		try {
			return new StandardCheck(standard, Pattern.compile(fieldPattern), Pattern.compile(standard.patternRegex()));
		}
		catch (PatternSyntaxException ex) {
			return null;
		}
	}

	/** True when the standard checks the field at {@code path}. */
	public boolean checks(String path) {
		return fields.matcher(path).find();
	}

	/** True when {@code value} passes the standard. */
	public boolean passes(String value) {
		return values.matcher(value).find();
	}

	/** The message recorded for a failing value. */
	public String message() {
		String message = standard.validationMessage();
		return message != null ? message : "value does not match " + standard.standardName();
	}

}

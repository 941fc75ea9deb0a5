package dev.devguide.cockpit.governance;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.devguide.cockpit.graphql.ApiException;

/**
 * User-supplied patterns, compiled with RE2/J: matching takes time linear in the input,
 * whatever the pattern, so a stored pattern cannot hang a request by backtracking.
 */
public final class Patterns {

	private Patterns() {
	}

	/**
	 * The compiled pattern; one that RE2 cannot compile is a BAD_REQUEST naming
	 * {@code field}.
	 */
	public static Pattern compile(String pattern, String field) {
		try {
			return Pattern.compile(pattern);
		}
		catch (PatternSyntaxException ex) {
			throw ApiException.badRequest(field, "is not a valid RE2 pattern: " + ex.getDescription());
		}
	}

	/** True when the pattern matches somewhere in {@code text} (RE2 find). */
	public static boolean finds(Pattern pattern, String text) {
		return pattern.matcher(text).find();
	}

}

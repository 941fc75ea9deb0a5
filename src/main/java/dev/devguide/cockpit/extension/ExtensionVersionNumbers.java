package dev.devguide.cockpit.extension;

import dev.devguide.cockpit.graphql.ApiException;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.semver4j.Semver;

/**
 * The SemVer 2.0 rules of extension dashboard versions, on semver4j: a version is parsed
 * strictly (MAJOR.MINOR.PATCH with optional -prerelease and +build; no leading v, no
 * leading zeros), a new one must have greater precedence than every existing one (so
 * build metadata alone never makes a version new), and a rollback's version is the
 * greatest one's next patch.
 */
final class ExtensionVersionNumbers {

	private ExtensionVersionNumbers() {
	}

	/** The version, or a BAD_REQUEST naming {@code field} if it is not SemVer 2.0. */
	static Semver parse(String version, String field) {
		Semver parsed = Semver.parse(version);
		if (parsed == null || !parsed.getVersion().equals(version)) {
			throw ApiException.badRequest(field,
					"'" + version + "' is not a SemVer 2.0 version (MAJOR.MINOR.PATCH, e.g. 1.4.0 or 2.0.0-beta.1)");
		}
		return parsed;
	}

	/**
	 * Checks that {@code version} is SemVer and greater than {@code greatest} (null:
	 * there is no version yet), else a BAD_REQUEST naming {@code field}.
	 */
	static void requireNext(String version, @Nullable String greatest, String field) {
		Semver next = parse(version, field);
		if (greatest != null && !next.isGreaterThan(Objects.requireNonNull(Semver.parse(greatest)))) {
			throw ApiException.badRequest(field,
					"version " + version + " must be greater than the latest version, " + greatest);
		}
	}

	/**
	 * The greatest of the versions by SemVer precedence; versions that are not SemVer
	 * (written past the API) are ignored. Null when there is none.
	 */
	static @Nullable String greatest(Stream<String> versions) {
		return versions.map(Semver::parse)
			.filter(Objects::nonNull)
			.max(Semver::compareTo)
			.map(Semver::getVersion)
			.orElse(null);
	}

	/**
	 * The version after {@code version} with its patch number raised and prerelease and
	 * build dropped: 1.2.0 gives 1.2.1, 1.3.0-beta.2 gives 1.3.1.
	 */
	static String nextPatch(String version) {
		Semver parsed = Objects.requireNonNull(Semver.parse(version));
		return Semver.create(parsed.getMajor(), parsed.getMinor(), parsed.getPatch() + 1).getVersion();
	}

}

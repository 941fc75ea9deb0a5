package dev.devguide.cockpit.extension;

/**
 * One way a config does not fit the dashboard config schema: where (a path from the
 * config's root, such as {@code modules[2].type}; empty for the root itself) and what.
 */
public record ExtensionConfigProblem(String path, String message) {

	/**
	 * The path under {@code field}: {@code input.config} gives
	 * {@code input.config.modules[2].type}.
	 */
	public String pathUnder(String field) {
		if (path.isEmpty()) {
			return field;
		}
		return path.startsWith("[") ? field + path : field + "." + path;
	}

}

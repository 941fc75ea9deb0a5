package dev.devguide.cockpit.persistence;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;

/**
 * The embedded MariaDB's start-up wait and the backoff of its restarts when its process
 * dies. Bound from {@code COCKPIT_EMBEDDED_START_TIMEOUT},
 * {@code COCKPIT_EMBEDDED_RESTART_BACKOFF} and
 * {@code COCKPIT_EMBEDDED_RESTART_BACKOFF_MAX}.
 */
@ConfigurationProperties("cockpit.embedded")
public record EmbeddedSettings(Duration startTimeout, Duration restartBackoff, Duration restartBackoffMax) {

	public static final EmbeddedSettings DEFAULTS = new EmbeddedSettings(null, null, null);

	/** Settings left out (null when bound) take their defaults. */
	public EmbeddedSettings(@Nullable Duration startTimeout, @Nullable Duration restartBackoff,
			@Nullable Duration restartBackoffMax) {
		this.startTimeout = startTimeout == null ? Duration.ofMinutes(5) : startTimeout;
		this.restartBackoff = restartBackoff == null ? Duration.ofSeconds(1) : restartBackoff;
		this.restartBackoffMax = restartBackoffMax == null ? Duration.ofMinutes(1) : restartBackoffMax;
	}

	/** The same settings from environment variables, for the command line. */
	public static EmbeddedSettings fromEnvironment(Map<String, String> env) {
		return new EmbeddedSettings(duration(env.get("COCKPIT_EMBEDDED_START_TIMEOUT")),
				duration(env.get("COCKPIT_EMBEDDED_RESTART_BACKOFF")),
				duration(env.get("COCKPIT_EMBEDDED_RESTART_BACKOFF_MAX")));
	}

	private static @Nullable Duration duration(@Nullable String value) {
		return value == null || value.isBlank() ? null : DurationStyle.detectAndParse(value.trim());
	}

}

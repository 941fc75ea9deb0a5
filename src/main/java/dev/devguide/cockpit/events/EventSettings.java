package dev.devguide.cockpit.events;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox is tailed and kept: {@code pollInterval} between reads of new events
 * (other instances' events arrive within it; this instance's own commits wake the tailer
 * at once), {@code retention} before events are deleted, checked every
 * {@code cleanupInterval}.
 */
@ConfigurationProperties("cockpit.events")
public record EventSettings(Duration pollInterval, Duration retention, Duration cleanupInterval) {

	/** Settings left out (null when bound) take their defaults. */
	public EventSettings(@Nullable Duration pollInterval, @Nullable Duration retention,
			@Nullable Duration cleanupInterval) {
		this.pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
		this.retention = retention == null ? Duration.ofDays(7) : retention;
		this.cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(10) : cleanupInterval;
	}

}

package dev.devguide.cockpit.security;

import dev.devguide.cockpit.persistence.DatabaseSettings;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.cors.CorsConfiguration;

/**
 * The origins a browser page may call the API from ({@code COCKPIT_CORS_ORIGINS}, a
 * comma-separated list of origin patterns as Spring's {@code allowedOriginPatterns} reads
 * them: {@code https://dash.example.com}, {@code https://*.example.com},
 * {@code http://localhost:*}). Unset, the embedded development default allows the
 * loopback names on any port and a server on an external database allows none; set but
 * blank, none.
 */
@ConfigurationProperties("cockpit.cors")
public record CorsSettings(@Nullable String origins) {

	static final List<String> DEVELOPMENT_ORIGINS = List.of("http://localhost:*", "http://127.0.0.1:*");

	/**
	 * The allowed origin patterns: the configured ones, or the default for the database.
	 */
	List<String> originPatterns(DatabaseSettings database) {
		if (origins == null) {
			return database.embedded() ? DEVELOPMENT_ORIGINS : List.of();
		}
		return Arrays.stream(origins.split(",")).map(String::trim).filter(origin -> !origin.isEmpty()).toList();
	}

	/**
	 * The one CORS policy of {@code /graphql} (HTTP, server-sent events and the WebSocket
	 * handshake): the allowed origins, no credentials (the API reads bearer tokens, never
	 * cookies), {@code Authorization} and {@code Content-Type} headers. With no origin
	 * allowed, a cross-origin request is refused with 403.
	 */
	CorsConfiguration configuration(DatabaseSettings database) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOriginPatterns(originPatterns(database));
		cors.setAllowedMethods(List.of("GET", "POST"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept"));
		cors.setAllowCredentials(false);
		cors.setMaxAge(1800L);
		return cors;
	}

}

package dev.devguide.cockpit.security;

import org.jspecify.annotations.Nullable;

/**
 * The client address and user agent of the HTTP request or WebSocket handshake, kept for
 * audit rows.
 */
public record RequestOrigin(@Nullable String ipAddress, @Nullable String userAgent) {

	static final RequestOrigin UNKNOWN = new RequestOrigin(null, null);

}

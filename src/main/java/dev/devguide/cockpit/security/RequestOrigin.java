package dev.devguide.cockpit.security;

/**
 * The client address and user agent of the HTTP request or WebSocket handshake, kept for
 * audit rows.
 */
public record RequestOrigin(String ipAddress, String userAgent) {

	static final RequestOrigin UNKNOWN = new RequestOrigin(null, null);

}

package dev.devguide.cockpit.cortex;

import dev.devguide.cockpit.security.SealedSecrets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@code external_tool_access.oauth_config} holds: the scopes in clear and each
 * token sealed (Base64 of a {@link SealedSecrets} value bound to the row and to
 * {@code oauth_config.accessToken} or {@code oauth_config.refreshToken}).
 */
record ToolOAuth(List<String> scopes, byte @Nullable [] accessToken, byte @Nullable [] refreshToken) {

	static final String COLUMN = "oauth_config";

	static final String ACCESS_TOKEN = "accessToken";

	static final String REFRESH_TOKEN = "refreshToken";

	static SealedSecrets.Binding binding(String accessId, String token) {
		return new SealedSecrets.Binding(ToolAccess.TABLE, COLUMN + "." + token, accessId);
	}

	/** The JSON object to store. */
	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("scopes", scopes);
		if (accessToken != null) {
			json.put(ACCESS_TOKEN, Base64.getEncoder().encodeToString(accessToken));
		}
		if (refreshToken != null) {
			json.put(REFRESH_TOKEN, Base64.getEncoder().encodeToString(refreshToken));
		}
		return json;
	}

	/** Reads the stored JSON object (null: no OAuth configuration). */
	static @Nullable ToolOAuth fromJson(@Nullable Object json) {
		if (!(json instanceof Map<?, ?> map)) {
			return null;
		}
		List<String> scopes = new ArrayList<>();
		if (map.get("scopes") instanceof List<?> list) {
			list.forEach(scope -> scopes.add(String.valueOf(scope)));
		}
		return new ToolOAuth(List.copyOf(scopes), bytes(map.get(ACCESS_TOKEN)), bytes(map.get(REFRESH_TOKEN)));
	}

	/** The id of the key that sealed the tokens, from the first one set; null without. */
	@Nullable String keyId() {
		byte[] any = accessToken != null ? accessToken : refreshToken;
		return any == null ? null : SealedSecrets.keyIdOf(any);
	}

	private static byte @Nullable [] bytes(@Nullable Object value) {
		return value instanceof String text ? Base64.getDecoder().decode(text) : null;
	}

}

package dev.devguide.cockpit.security;

import dev.devguide.cockpit.persistence.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

/**
 * Bearer JWT authentication (Spring Security resource server) for HTTP and for WebSocket
 * {@code connection_init}. The endpoint itself is open so that every GraphQL root field
 * can answer UNAUTHORIZED as a GraphQL error. A token that is present but refused (see
 * {@link TokenRules}) is answered before any GraphQL runs: by
 * {@link TokenRefusalEntryPoint} over HTTP and server-sent events, by the 4401 close of
 * {@link RefusalClosingWebSocketHandler} over WebSocket.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
			@Qualifier("graphQlCors") CorsConfiguration cors, GraphQlProperties properties) {
		TokenRefusalEntryPoint refusal = new TokenRefusalEntryPoint();
		UrlBasedCorsConfigurationSource corsSource = new UrlBasedCorsConfigurationSource();
		corsSource.registerCorsConfiguration(properties.getHttp().getPath(), cors);
		String webSocketPath = properties.getWebsocket().getPath();
		if (webSocketPath != null) {
			corsSource.registerCorsConfiguration(webSocketPath, cors);
		}
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			// before authentication: a preflight is answered, a refused origin gets 403
			.cors(spec -> spec.configurationSource(corsSource))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.authorizeExchange(
					exchanges -> exchanges.matchers(new OpenPaths()).permitAll().anyExchange().authenticated())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(refusal))
			.oauth2ResourceServer(server -> server.authenticationEntryPoint(refusal)
				.jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(authenticationConverter())))
			.build();
	}

	/**
	 * The CORS policy of the GraphQL endpoint, for Spring Security's CORS filter (HTTP
	 * and server-sent events) and for the WebSocket handler's check of the handshake's
	 * origin. Boot's {@code spring.graphql.cors} stays unset: this is the one place.
	 */
	@Bean
	CorsConfiguration graphQlCors(CorsSettings settings, DatabaseSettings database) {
		return settings.configuration(database);
	}

	/**
	 * Checks the signature (with the HS256 key or the JWKS), then the {@link TokenRules},
	 * keeping what passed both ({@link VerifiedTokens}).
	 */
	@Bean
	ReactiveJwtDecoder jwtDecoder(JwtSettings jwt, ObjectProvider<SecretKey> key) {
		NimbusReactiveJwtDecoder signatures = jwt.hasJwksUri()
				// hasJwksUri(): it is set
				? NimbusReactiveJwtDecoder.withJwkSetUri(Objects.requireNonNull(jwt.jwksUri())).build()
				: NimbusReactiveJwtDecoder.withSecretKey(key.getObject()).macAlgorithm(MacAlgorithm.HS256).build();
		return new VerifiedTokens(VerifiedTokens.signatureOnly(signatures), new TokenRules(jwt, Clock.systemUTC()));
	}

	/** The HS256 key, or none when tokens are verified only against a JWKS. */
	@Bean
	@Nullable SecretKey jwtSigningKey(JwtSettings jwt, DatabaseSettings database) {
		if (jwt.hasSecret()) {
			// hasSecret(): it is set
			return SigningKeys.fromSecret(Objects.requireNonNull(jwt.secret()));
		}
		if (jwt.hasJwksUri()) {
			return null;
		}
		if (database.embedded()) {
			return SigningKeys.embedded(database);
		}
		throw new IllegalStateException(
				"Set COCKPIT_JWT_SECRET (HS256) or COCKPIT_JWT_JWKS_URI when using an external database");
	}

	@Bean
	@Nullable TokenIssuer tokenIssuer(ObjectProvider<SecretKey> jwtSigningKey, JwtSettings jwt) {
		SecretKey key = jwtSigningKey.getIfAvailable();
		return key == null ? null : new TokenIssuer(key, jwt);
	}

	/**
	 * Authenticates subscriptions from the {@code Authorization} entry of the
	 * connection_init payload. First of the interceptors, so that every other one runs
	 * with the caller known.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	TokenWebSocketInterceptor authenticationWebSocketInterceptor(ReactiveJwtDecoder decoder) {
		JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
		manager.setJwtAuthenticationConverter(authenticationConverter());
		return new TokenWebSocketInterceptor(manager);
	}

	/**
	 * Spring Boot's GraphQL WebSocket handler, built from the same properties, with the
	 * reason of a refused token in the 4401 close.
	 */
	@Bean
	GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties,
			@Qualifier("graphQlCors") CorsConfiguration cors, ServerCodecConfigurer codecs) {
		return new RefusalClosingWebSocketHandler(handler, codecs, properties.getWebsocket().getConnectionInitTimeout(),
				properties.getWebsocket().getKeepAlive(), cors);
	}

	/**
	 * Prints and stores the development token when the embedded default manages its own
	 * secret.
	 */
	@Bean
	DevelopmentToken developmentToken(JwtSettings jwt, DatabaseSettings database, ObjectProvider<TokenIssuer> issuer) {
		if (jwt.hasSecret() || jwt.hasJwksUri() || !database.embedded()) {
			return new DevelopmentToken(null);
		}
		// within the maximum lifetime like every other token, and a new one at every
		// start
		String token = issuer.getObject().issue("dev", List.of(Caller.ADMIN), jwt.maxLifetime());
		try {
			SigningKeys.writeOwnerOnly(database.dataPath().resolve("dev-token"), token + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.out.println("Development token: " + token);
		return new DevelopmentToken(token);
	}

	private static Converter<Jwt, Mono<AbstractAuthenticationToken>> authenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(new TokenRoles());
		return new ReactiveJwtAuthenticationConverterAdapter(converter);
	}

	/** The development token printed at start-up, or null when none was issued. */
	record DevelopmentToken(@Nullable String value) {
	}

}

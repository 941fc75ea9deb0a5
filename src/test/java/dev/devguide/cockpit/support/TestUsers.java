package dev.devguide.cockpit.support;

import dev.devguide.cockpit.security.TokenIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GraphQL testers for callers: anonymous, ordinary users, and an admin, each with a real
 * signed token. Every {@link IntegrationTest} can inject it; the server's port is read
 * when first needed, since it is known only once the server has started.
 */
public class TestUsers {

	private final TokenIssuer issuer;

	private final SecretKey key;

	private final Environment environment;

	public TestUsers(TokenIssuer issuer, SecretKey key, Environment environment) {
		this.issuer = issuer;
		this.key = key;
		this.environment = environment;
	}

	public HttpGraphQlTester anonymous() {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port() + "/graphql")
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		return HttpGraphQlTester.create(client);
	}

	public HttpGraphQlTester user(String userId) {
		return as(userId, List.of("user"));
	}

	public HttpGraphQlTester admin(String userId) {
		return as(userId, List.of("user", "admin"));
	}

	/**
	 * A persona of the migration programme: the {@code user} and {@code migration} roles
	 * (reads the programme and does its day-to-day writes, approves nothing).
	 */
	public HttpGraphQlTester migration(String userId) {
		return as(userId, List.of("user", "migration"));
	}

	/** A service caller holding only the {@code ingest} role (the AI gateway). */
	public HttpGraphQlTester ingest(String serviceId) {
		return as(serviceId, List.of("ingest"));
	}

	public String token(String userId, List<String> roles) {
		return issuer.issue(userId, roles, Duration.ofHours(1));
	}

	/** A token signed with the server's own key that expired an hour ago. */
	public String expiredToken(String userId, List<String> roles) {
		return issuer.issue(userId, roles, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
	}

	/**
	 * A token with exactly these claims, signed with the server's own key (see
	 * {@link TokenClaims}).
	 */
	public String signed(Map<String, Object> claims) {
		return TokenClaims.sign(key, claims);
	}

	public int port() {
		return environment.getRequiredProperty("local.server.port", Integer.class);
	}

	private HttpGraphQlTester as(String userId, List<String> roles) {
		return anonymous().mutate().header("Authorization", "Bearer " + token(userId, roles)).build();
	}

}

package dev.devguide.cockpit.support;

import dev.devguide.cockpit.security.TokenIssuer;
import java.time.Duration;
import java.util.List;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GraphQL testers for callers: anonymous, ordinary users, and an admin, each with a real
 * signed token.
 */
public class TestUsers {

	private final TokenIssuer issuer;

	private final int port;

	public TestUsers(TokenIssuer issuer, int port) {
		this.issuer = issuer;
		this.port = port;
	}

	public HttpGraphQlTester anonymous() {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port + "/graphql")
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

	public String token(String userId, List<String> roles) {
		return issuer.issue(userId, roles, Duration.ofHours(1));
	}

	public int port() {
		return port;
	}

	private HttpGraphQlTester as(String userId, List<String> roles) {
		return anonymous().mutate().header("Authorization", "Bearer " + token(userId, roles)).build();
	}

}

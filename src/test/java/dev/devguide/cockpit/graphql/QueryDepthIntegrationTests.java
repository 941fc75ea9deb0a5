package dev.devguide.cockpit.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.support.IntegrationTest;
import dev.devguide.cockpit.support.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A query nested deeper than the limit (20) is refused before any of it runs; the full
 * introspection query GraphiQL sends, and ordinary deep queries, stay within it.
 */
@IntegrationTest
class QueryDepthIntegrationTests {

	@Autowired
	TestUsers users;

	@Test
	void refusesQueriesDeeperThanTheLimit() {
		String cycle = "profiles { project { ".repeat(11) + "id" + " } }".repeat(11);
		users.user("depth-" + UUID.randomUUID())
			.document("{ projects { edges { node { " + cycle + " } } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).contains("maximum query depth exceeded")));
	}

	@Test
	void introspectionStaysWithinTheLimit() {
		users.user("depth-" + UUID.randomUUID())
			.document("""
					query {
					  __schema { types { name fields { name args { name type { ...TypeRef } } type { ...TypeRef } } } }
					}
					fragment TypeRef on __Type {
					  kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
					    ofType { kind name ofType { kind name ofType { kind name } } } } } } }
					}""")
			.execute()
			.errors()
			.verify()
			.path("__schema.types")
			.entityList(Object.class)
			.hasSizeGreaterThan(20);
	}

}

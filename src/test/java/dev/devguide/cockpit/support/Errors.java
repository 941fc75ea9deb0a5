package dev.devguide.cockpit.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.graphql.test.tester.GraphQlTester;

/** Assertions on the one error a refused GraphQL request answers with. */
public final class Errors {

	private Errors() {
	}

	/**
	 * Expects exactly one error of {@code classification}, naming {@code field} (if not
	 * null), whose message contains {@code text} (if not null).
	 */
	public static void expect(GraphQlTester.Response response, String classification, String field, String text) {
		response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error.getErrorType()).hasToString(classification);
			if (field != null) {
				assertThat(error.getExtensions()).containsEntry("field", field);
			}
			if (text != null) {
				assertThat(error.getMessage()).contains(text);
			}
		}));
	}

	/**
	 * Expects the answer for a {@code type} {@code id} that does not exist, which is also
	 * the answer for one the caller may not read: NOT_FOUND, word for word the same.
	 */
	public static void expectNotFound(GraphQlTester.Response response, String type, String id) {
		response.errors().satisfy(GraphQlErrors.notFound(type, id));
	}

}

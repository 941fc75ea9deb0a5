package dev.devguide.cockpit.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.graphql.ResponseError;

/**
 * Checks that a response holds exactly one error of a classification and, for bad input,
 * the field at fault.
 */
public final class GraphQlErrors {

	private GraphQlErrors() {
	}

	public static Consumer<List<ResponseError>> single(String classification) {
		return errors -> {
			assertThat(errors).as("errors").hasSize(1);
			assertThat(errors.get(0).getExtensions()).as("extensions of %s", errors.get(0).getMessage())
				.containsEntry("classification", classification);
		};
	}

	/**
	 * The answer for a {@code type} {@code id} that does not exist, which is also the
	 * answer for one the caller may not read: NOT_FOUND, word for word the same.
	 */
	public static Consumer<List<ResponseError>> notFound(String type, String id) {
		return single("NOT_FOUND").andThen(errors -> assertThat(errors.get(0).getMessage()).as("message")
			.isEqualTo(type + " " + id + " does not exist"));
	}

	public static Consumer<List<ResponseError>> single(String classification, String field) {
		return single(classification).andThen(
				errors -> assertThat(errors.get(0).getExtensions()).as("extensions of %s", errors.get(0).getMessage())
					.containsEntry("field", field));
	}

}

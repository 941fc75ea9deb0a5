package dev.devguide.cockpit.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Directive;
import graphql.language.Node;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.graphql.execution.ErrorType;

/**
 * Parses and validates each distinct document once: clients send the same few operations
 * again and again, and parsing plus validation was about a tenth of the server's CPU per
 * request in the benchmark's profiles. Bounded by the total length of the documents kept,
 * so that unique documents only churn it. Validation depends on the document and the
 * schema alone; what depends on the request (variables, the depth limit, the caller) is
 * checked at every execution.
 */
final class DocumentCache implements PreparsedDocumentProvider {

	private final Cache<String, PreparsedDocumentEntry> documents;

	DocumentCache(long maxCharacters) {
		this.documents = Caffeine.newBuilder()
			.maximumWeight(maxCharacters)
			.<String, PreparsedDocumentEntry>weigher((document, entry) -> document.length())
			.build();
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		return CompletableFuture
			.completedFuture(documents.get(input.getQuery(), document -> refuseDefer(parseAndValidate.apply(input))));
	}

	/**
	 * {@code @defer} is refused: graphql-java declares it in every schema, but the server
	 * answers in one piece (Spring for GraphQL's HTTP handler writes one JSON response,
	 * and graphql-java's incremental support is experimental and off), so a client asking
	 * for incremental delivery would silently not get it.
	 */
	static PreparsedDocumentEntry refuseDefer(PreparsedDocumentEntry entry) {
		if (entry.hasErrors() || !uses(entry.getDocument(), "defer")) {
			return entry;
		}
		return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message("@defer is not supported: this server delivers every result in one piece; "
					+ "remove the directive (see README, Incremental delivery)")
			.extensions(Map.of("field", "@defer"))
			.build());
	}

	private static boolean uses(Node<?> node, String directive) {
		if (node instanceof Directive used && used.getName().equals(directive)) {
			return true;
		}
		for (Node<?> child : node.getChildren()) {
			if (uses(child, directive)) {
				return true;
			}
		}
		return false;
	}

}

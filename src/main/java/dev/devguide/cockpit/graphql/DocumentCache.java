package dev.devguide.cockpit.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

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
			.completedFuture(documents.get(input.getQuery(), document -> parseAndValidate.apply(input)));
	}

}

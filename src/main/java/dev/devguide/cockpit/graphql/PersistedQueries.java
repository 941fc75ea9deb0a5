package dev.devguide.cockpit.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ErrorClassification;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.ErrorType;

/**
 * The registry of documents by SHA-256 hash: Apollo's automatic persisted queries
 * ({@code extensions.persistedQuery {version: 1, sha256Hash}}) over POST and GET.
 * <p>
 * A request with a hash and no query runs the document registered under that hash, or is
 * answered {@code PersistedQueryNotFound} (the message, and
 * {@code extensions.code = PERSISTED_QUERY_NOT_FOUND}, that Apollo clients look for); the
 * client then sends hash and query together, which registers the query once the hash is
 * checked (a hash that is not the query's is BAD_REQUEST). A request without the
 * extension runs its query as usual.
 * <p>
 * The registry is bounded (by the total length of the documents kept) and per instance:
 * the server is stateless behind a load balancer, and an Apollo client whose hash an
 * instance does not know re-registers it on PersistedQueryNotFound, so nothing needs to
 * be shared. Parsed and validated documents come from the {@link DocumentCache} it wraps,
 * by their text, whichever way they arrived. This is the one registry of documents by
 * hash: trusted documents (registered ahead of time) belong here too.
 */
public class PersistedQueries implements PreparsedDocumentProvider {

	static final String NOT_FOUND = "PersistedQueryNotFound";

	/** What Spring for GraphQL puts as the document of a request with a hash only. */
	private static final String MARKER = "PersistedQueryMarker";

	private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");

	private final Cache<String, String> documents;

	private final PreparsedDocumentProvider parsed;

	PersistedQueries(PreparsedDocumentProvider parsed, long maxCharacters) {
		this.parsed = parsed;
		this.documents = Caffeine.newBuilder()
			.maximumWeight(maxCharacters)
			.<String, String>weigher((hash, document) -> document.length())
			.build();
	}

	/** The document registered under {@code sha256Hash}, if this instance has it. */
	public @Nullable String lookup(String sha256Hash) {
		return documents.getIfPresent(sha256Hash.toLowerCase(Locale.ROOT));
	}

	/** Registers {@code document} under its SHA-256 hash; returns the hash. */
	public String register(String document) {
		String hash = sha256(document);
		documents.put(hash, document);
		return hash;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		Object persisted = input.getExtensions().get("persistedQuery");
		if (persisted == null) {
			return parsed.getDocumentAsync(input, parseAndValidate);
		}
		Resolved resolved = resolve(persisted, input.getQuery());
		if (resolved.error() != null) {
			return CompletableFuture.completedFuture(new PreparsedDocumentEntry(resolved.error()));
		}
		String document = resolved.document();
		ExecutionInput resolvedInput = document.equals(input.getQuery()) ? input
				: input.transform(builder -> builder.query(document));
		return parsed.getDocumentAsync(resolvedInput, parseAndValidate);
	}

	/**
	 * The document for a request's {@code persistedQuery} extension and query (blank, or
	 * Spring's marker, when only the hash was sent): registered as a side effect when
	 * both came and agree.
	 */
	Resolved resolve(Object persisted, @Nullable String query) {
		if (!(persisted instanceof Map<?, ?> extension) || !(extension.get("sha256Hash") instanceof String hash)
				|| !HASH.matcher(hash).matches()) {
			return Resolved.refused(badRequest(
					"extensions.persistedQuery.sha256Hash must be the 64 hexadecimal digits of the query's SHA-256 hash"));
		}
		if (!(extension.get("version") instanceof Number version) || version.intValue() != 1) {
			return Resolved.refused(badRequest("extensions.persistedQuery.version must be 1"));
		}
		if (query == null || query.isBlank() || MARKER.equals(query)) {
			String known = lookup(hash);
			return known == null ? Resolved.refused(GraphqlErrorBuilder.newError()
				.message(NOT_FOUND)
				.errorType(ErrorClassification.errorClassification("PERSISTED_QUERY_NOT_FOUND"))
				.extensions(Map.of("code", "PERSISTED_QUERY_NOT_FOUND"))
				.build()) : Resolved.of(known);
		}
		String actual = sha256(query);
		if (!actual.equalsIgnoreCase(hash)) {
			return Resolved.refused(badRequest("extensions.persistedQuery.sha256Hash " + hash
					+ " is not the SHA-256 hash of the query (" + actual + ")"));
		}
		documents.put(hash.toLowerCase(Locale.ROOT), query);
		return Resolved.of(query);
	}

	private static GraphQLError badRequest(String message) {
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message(message)
			.extensions(Map.of("field", "extensions.persistedQuery"))
			.build();
	}

	static String sha256(String document) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** A request's document, or the error that answers it. */
	record Resolved(String document, @Nullable GraphQLError error) {

		static Resolved of(String document) {
			return new Resolved(document, null);
		}

		static Resolved refused(GraphQLError error) {
			return new Resolved("", error);
		}

	}

}

package dev.devguide.cockpit.graphql;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queries over GET, as the GraphQL over HTTP specification has them:
 * {@code GET /graphql?query=...&variables=...&operationName=...&extensions=...}
 * ({@code variables} and {@code extensions} as JSON). The request is answered by Spring's
 * own HTTP handler, as the POST of the same parameters would be, so authentication,
 * interceptors, persisted queries and the response format are those of POST. Only
 * queries: a mutation is refused with 405 and {@code Allow: POST} (GET must not change
 * anything, and caches may repeat it), a subscription likewise (subscriptions need a
 * WebSocket or server-sent events).
 */
final class GraphQlGetRoute {

	private final GraphQlHttpHandler http;

	private final PersistedQueries persisted;

	private final JsonMapper json;

	GraphQlGetRoute(GraphQlHttpHandler http, PersistedQueries persisted, JsonMapper json) {
		this.http = http;
		this.persisted = persisted;
		this.json = json;
	}

	Mono<ServerResponse> handle(ServerRequest request) {
		MultiValueMap<String, String> parameters = request.queryParams();
		Map<String, Object> body = new LinkedHashMap<>();
		String query = parameters.getFirst("query");
		String operationName = parameters.getFirst("operationName");
		if (query != null) {
			body.put("query", query);
		}
		if (operationName != null && !operationName.isEmpty()) {
			body.put("operationName", operationName);
		}
		try {
			putJson(body, "variables", parameters.getFirst("variables"));
			putJson(body, "extensions", parameters.getFirst("extensions"));
		}
		catch (IllegalArgumentException ex) {
			return refuse(HttpStatus.BAD_REQUEST, ex.getMessage(), null);
		}
		if ((query == null || query.isBlank()) && !body.containsKey("extensions")) {
			return refuse(HttpStatus.BAD_REQUEST, "The query parameter is required", "query");
		}
		String document = document(query, body.get("extensions"));
		OperationDefinition.Operation operation = document == null ? null : operation(document, operationName);
		if (operation == OperationDefinition.Operation.MUTATION) {
			return refuse(HttpStatus.METHOD_NOT_ALLOWED, "Mutations are sent with POST, not GET", null);
		}
		if (operation == OperationDefinition.Operation.SUBSCRIPTION) {
			return refuse(HttpStatus.METHOD_NOT_ALLOWED,
					"Subscriptions are served over WebSocket (graphql-transport-ws) or server-sent events (POST), not GET",
					null);
		}
		ServerRequest post = ServerRequest.from(request)
			.method(HttpMethod.POST)
			.headers(headers -> headers.setContentType(MediaType.APPLICATION_JSON))
			.body(json.writeValueAsString(body))
			.build();
		return http.handleRequest(post);
	}

	private void putJson(Map<String, Object> body, String name, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			return;
		}
		Object parsed;
		try {
			parsed = json.readValue(value, Object.class);
		}
		catch (JacksonException ex) {
			// the parser's message quotes the input and names classes
			parsed = null;
		}
		if (!(parsed instanceof Map<?, ?>)) {
			throw new IllegalArgumentException("The " + name + " parameter must be a JSON object");
		}
		body.put(name, parsed);
	}

	/** The document text, the registered one for a persisted query's hash alone. */
	private @Nullable String document(@Nullable String query, @Nullable Object extensions) {
		if (query != null && !query.isBlank()) {
			return query;
		}
		if (extensions instanceof Map<?, ?> map && map.get("persistedQuery") instanceof Map<?, ?> extension
				&& extension.get("sha256Hash") instanceof String hash) {
			return persisted.lookup(hash);
		}
		return null;
	}

	/**
	 * The type of the operation the request runs; null when the document does not parse
	 * or names no such operation, which execution reports as it does for POST.
	 */
	private static OperationDefinition.@Nullable Operation operation(String document, @Nullable String name) {
		Document parsed;
		try {
			parsed = Parser.parse(document);
		}
		catch (InvalidSyntaxException ex) {
			return null;
		}
		List<OperationDefinition> operations = parsed.getDefinitionsOfType(OperationDefinition.class);
		for (OperationDefinition operation : operations) {
			if (name == null || name.isEmpty() ? operations.size() == 1 : name.equals(operation.getName())) {
				return operation.getOperation();
			}
		}
		return null;
	}

	private Mono<ServerResponse> refuse(HttpStatus status, @Nullable String message, @Nullable String field) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("classification", "BAD_REQUEST");
		if (field != null) {
			extensions.put("field", field);
		}
		Map<String, Object> error = Map.of("message", message == null ? "Bad request" : message, "extensions",
				extensions);
		ServerResponse.BodyBuilder response = ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON);
		if (status == HttpStatus.METHOD_NOT_ALLOWED) {
			response.header(HttpHeaders.ALLOW, HttpMethod.POST.name());
		}
		return response.bodyValue(Map.of("errors", List.of(error)));
	}

}

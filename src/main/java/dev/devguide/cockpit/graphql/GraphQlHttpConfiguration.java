package dev.devguide.cockpit.graphql;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP routes the server adds to Spring Boot's GraphQL endpoint (only in the web
 * server: the schema tests build the schema without one).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class GraphQlHttpConfiguration {

	/**
	 * Queries over GET ({@link GraphQlGetRoute}); ahead of Spring Boot's routes, which
	 * answer every GET with 405.
	 */
	@Bean
	@Order(0)
	RouterFunction<ServerResponse> graphQlGetRoute(GraphQlHttpHandler http, PersistedQueries persistedQueries,
			JsonMapper json, @Value("${spring.graphql.http.path}") String path) {
		GraphQlGetRoute route = new GraphQlGetRoute(http, persistedQueries, json);
		return RouterFunctions.route(
				RequestPredicates.GET(path)
					.and(request -> !"websocket".equalsIgnoreCase(request.headers().firstHeader(HttpHeaders.UPGRADE))),
				route::handle);
	}

}

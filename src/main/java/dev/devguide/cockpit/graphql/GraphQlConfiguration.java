package dev.devguide.cockpit.graphql;

import graphql.schema.GraphQLSchema;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Serves the code-first schema through Spring for GraphQL; Boot supplies the transports
 * and DataLoaders.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	@Bean
	GraphQLSchema cockpitSchema(List<SchemaContribution> contributions) {
		return SchemaAssembler.assemble(contributions);
	}

	@Bean
	GraphQlSource graphQlSource(GraphQLSchema cockpitSchema) {
		return GraphQlSource.builder(cockpitSchema)
			.exceptionResolvers(List.of(new ApiExceptionResolver()))
			.subscriptionExceptionResolvers(List.of(new ApiSubscriptionExceptionResolver()))
			.build();
	}

}

package dev.devguide.cockpit.graphql;

import graphql.schema.GraphQLSchema;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Serves the code-first schema through Spring for GraphQL; Boot supplies the transports
 * and runs the DataLoaders every domain registers. Queries deeper than
 * {@code cockpit.graphql.max-depth} are refused before they run: relations lead back to
 * their parents (Profile.project.profiles...), so depth is otherwise unbounded.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	/** The parsed documents kept: up to 16 million characters of GraphQL text. */
	private static final long DOCUMENT_CACHE_CHARACTERS = 16L << 20;

	@Bean
	Loaders cockpitLoaders(BatchLoaderRegistry registry, List<LoaderContribution> contributions) {
		Loaders loaders = new Loaders(registry);
		contributions.forEach(contribution -> contribution.register(loaders));
		return loaders;
	}

	@Bean
	SchemaAssembler.Assembly cockpitAssembly(List<SchemaContribution> contributions, Loaders cockpitLoaders,
			RootGuard guard) {
		return SchemaAssembler.assemble(contributions, cockpitLoaders.names(), guard);
	}

	@Bean
	GraphQLSchema cockpitSchema(SchemaAssembler.Assembly cockpitAssembly) {
		return cockpitAssembly.schema();
	}

	@Bean
	PersistedQueries persistedQueries(@Value("${cockpit.graphql.persisted-queries-characters}") long characters) {
		return new PersistedQueries(new DocumentCache(DOCUMENT_CACHE_CHARACTERS), characters);
	}

	@Bean
	GraphQlSource graphQlSource(GraphQLSchema cockpitSchema, @Value("${cockpit.graphql.max-depth}") int maxDepth,
			PersistedQueries persistedQueries, RequestLimits limits) {
		return GraphQlSource.builder(cockpitSchema)
			.configureGraphQl(graphQl -> graphQl.instrumentation(new CockpitInstrumentation(maxDepth, limits))
				.preparsedDocumentProvider(persistedQueries))
			.exceptionResolvers(List.of(new ApiExceptionResolver()))
			.subscriptionExceptionResolvers(List.of(new ApiSubscriptionExceptionResolver()))
			.build();
	}

	/**
	 * How much the shared renderings of subscriptions save: subscribers per rendering.
	 */
	@Bean
	MeterBinder sharedSubscriptionMetrics(SharedSubscriptions shared) {
		return registry -> {
			Gauge.builder("cockpit.subscriptions.renderings", shared, SharedSubscriptions::renderings)
				.description("Distinct subscription renderings running on this instance")
				.register(registry);
			Gauge.builder("cockpit.subscriptions.shared", shared, SharedSubscriptions::subscribers)
				.description("Subscribers receiving a shared rendering on this instance")
				.register(registry);
		};
	}

}

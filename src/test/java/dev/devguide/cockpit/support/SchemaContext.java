package dev.devguide.cockpit.support;

import dev.devguide.cockpit.cortex.UsageSettings;
import dev.devguide.cockpit.events.EventSettings;
import dev.devguide.cockpit.persistence.DatabaseEndpoint;
import dev.devguide.cockpit.persistence.Migrations;
import dev.devguide.cockpit.persistence.SchemaChanges;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import dev.devguide.cockpit.graphql.RequestLimitsSettings;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.MapPropertySource;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's own components (every schema contribution, loader, service and
 * repository) wired as in production, without a database, a web server or security: the
 * R2DBC connection factory points nowhere and is never opened, because building the
 * schema and registering loaders only declare. For fast tests of the schema itself.
 */
public final class SchemaContext {

	private SchemaContext() {
	}

	/** A started context; close it when done. */
	public static AnnotationConfigApplicationContext start() {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("schema-context", Map.of("cockpit.graphql.max-depth", "20",
					"cockpit.graphql.persisted-queries-characters", "4194304")));
		ConnectionFactory nowhere = ConnectionFactories.get("r2dbc:mysql://nobody@127.0.0.1:9/never-opened");
		context.registerBean(DatabaseClient.class, () -> DatabaseClient.create(nowhere));
		context.registerBean(TransactionalOperator.class,
				() -> TransactionalOperator.create(new R2dbcTransactionManager(nowhere)));
		context.registerBean(JsonMapper.class, () -> JsonMapper.builder().build());
		context.registerBean(BatchLoaderRegistry.class, () -> new DefaultBatchLoaderRegistry());
		context.registerBean(EventSettings.class, () -> new EventSettings(null, null, null));
		context.registerBean(UsageSettings.class, () -> new UsageSettings(null, null, null));
		context.registerBean(RequestLimitsSettings.class, () -> new RequestLimitsSettings(25_000_000, 10, 10_000,
				250_000, Duration.ofSeconds(30), 8, 100_000_000, 4));
		context.registerBean(SchemaChanges.class, () -> new SchemaChanges(
				new Migrations(new DatabaseEndpoint("127.0.0.1", 9, "never_opened", "nobody", "")), true));
		context.register(Components.class);
		context.refresh();
		return context;
	}

	/**
	 * Every component of the application, without the application class (which would
	 * bring Boot's auto-configuration) and the database and security configurations.
	 */
	@Configuration(proxyBeanMethods = false)
	@ComponentScan(basePackages = "dev.devguide.cockpit",
			excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
					pattern = { "dev\\.devguide\\.cockpit\\.CockpitApplication",
							"dev\\.devguide\\.cockpit\\.persistence\\.DatabaseConfiguration",
							"dev\\.devguide\\.cockpit\\.security\\.SecurityConfiguration",
							"dev\\.devguide\\.cockpit\\.support\\..*" }))
	static class Components {

	}

}

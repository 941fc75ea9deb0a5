package dev.devguide.cockpit;

import dev.devguide.cockpit.cortex.ProviderKeysCli;
import dev.devguide.cockpit.persistence.MigrationCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point: the GraphQL server, or with {@code migrate ...} or {@code keys ...}
 * arguments the migration or key command line.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CockpitApplication {

	public static void main(String[] args) {
		if (args.length > 0 && MigrationCli.COMMAND.equals(args[0])) {
			System.exit(MigrationCli.run(args));
		}
		if (args.length > 0 && ProviderKeysCli.COMMAND.equals(args[0])) {
			System.exit(ProviderKeysCli.run(args));
		}
		SpringApplication.run(CockpitApplication.class, args);
	}

}

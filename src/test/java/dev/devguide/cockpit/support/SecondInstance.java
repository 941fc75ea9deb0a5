package dev.devguide.cockpit.support;

import dev.devguide.cockpit.CockpitApplication;
import dev.devguide.cockpit.persistence.DatabaseEndpoint;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another server instance on the test context's database and JWT secret, on a free port:
 * for tests of what several stateless instances do together.
 */
public final class SecondInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private SecondInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts it; {@code settings} are further command-line arguments
	 * ({@code --cockpit.limits.timeout=5s}).
	 */
	public static SecondInstance start(DatabaseEndpoint database, String secret, String... settings) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--cockpit.db.url=r2dbc:mysql://" + database.host() + ":" + database.port() + "/" + database.database()
						+ "?sslMode=DISABLED",
				"--cockpit.db.user=" + database.user(), "--cockpit.db.password=" + database.password(),
				"--cockpit.jwt.secret=" + secret, "--logging.level.root=warn"));
		arguments.addAll(List.of(settings));
		return new SecondInstance(
				new SpringApplication(CockpitApplication.class).run(arguments.toArray(String[]::new)));
	}

	public int port() {
		return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	@Override
	public void close() {
		context.close();
	}

}

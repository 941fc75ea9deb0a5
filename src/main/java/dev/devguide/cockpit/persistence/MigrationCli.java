package dev.devguide.cockpit.persistence;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The migration command line:
 * {@code migrate status|preview|apply|tag NAME|rollback-preview|rollback} against the
 * database that {@code COCKPIT_DB_URL} names (or the embedded one). Runs without the web
 * server.
 */
public final class MigrationCli {

	public static final String COMMAND = "migrate";

	private static final String USAGE = """
			usage: migrate status
			       migrate preview                  print the SQL that apply would run
			       migrate apply                    apply every pending changeset
			       migrate tag NAME                 tag the current state
			       migrate rollback-preview --tag NAME | --count N
			       migrate rollback --tag NAME | --count N""";

	private MigrationCli() {
	}

	/** Runs one command and returns the process exit code. */
	public static int run(String[] args) {
		return run(List.of(args).subList(1, args.length), System.getenv(), new PrintWriter(System.out, true));
	}

	static int run(List<String> args, Map<String, String> env, PrintWriter out) {
		if (args.isEmpty()) {
			out.println(USAGE);
			return 2;
		}
		DatabaseSettings settings = DatabaseSettings.fromEnvironment(env);
		EmbeddedMariaDb embedded = settings.embedded() ? EmbeddedMariaDb.start(settings.dataPath()) : null;
		try {
			// Not embedded: an external database, whose URL is set.
			DatabaseEndpoint endpoint = embedded != null ? embedded.endpoint() : DatabaseEndpoint
				.parse(Objects.requireNonNull(settings.db().url()), settings.db().user(), settings.db().password());
			return execute(new Migrations(endpoint), args, out);
		}
		catch (MigrationException | IllegalArgumentException ex) {
			out.println("migrate: " + ex.getMessage());
			return 1;
		}
		finally {
			if (embedded != null) {
				embedded.close();
			}
		}
	}

	private static int execute(Migrations migrations, List<String> args, PrintWriter out) {
		switch (args.get(0)) {
			case "status" -> status(migrations, out);
			case "preview" -> migrations.previewApply(out);
			case "apply" -> {
				migrations.apply();
				out.println("Applied. " + migrations.appliedCount() + " changesets are recorded as applied.");
			}
			case "tag" -> {
				migrations.tag(argument(args, 1));
				out.println("Tagged the current state as " + args.get(1));
			}
			case "rollback-preview" -> rollback(migrations, args, out, true);
			case "rollback" -> rollback(migrations, args, out, false);
			default -> {
				out.println(USAGE);
				return 2;
			}
		}
		out.flush();
		return 0;
	}

	private static void status(Migrations migrations, PrintWriter out) {
		List<String> pending = migrations.pending();
		out.println(migrations.endpoint() + ": " + migrations.appliedCount() + " changesets applied, " + pending.size()
				+ " pending");
		pending.forEach(id -> out.println("  pending: " + id));
	}

	private static void rollback(Migrations migrations, List<String> args, PrintWriter out, boolean preview) {
		String how = argument(args, 1);
		String value = argument(args, 2);
		if ("--tag".equals(how)) {
			if (preview) {
				migrations.previewRollbackToTag(value, out);
			}
			else {
				migrations.rollbackToTag(value);
			}
		}
		else if ("--count".equals(how)) {
			int count = Integer.parseInt(value);
			if (preview) {
				migrations.previewRollbackCount(count, out);
			}
			else {
				migrations.rollbackCount(count);
			}
		}
		else {
			throw new IllegalArgumentException("rollback needs --tag NAME or --count N");
		}
		if (!preview) {
			out.println("Rolled back. " + migrations.appliedCount() + " changesets remain applied.");
		}
	}

	private static String argument(List<String> args, int index) {
		if (args.size() <= index) {
			throw new IllegalArgumentException("missing argument\n" + USAGE);
		}
		return args.get(index);
	}

}

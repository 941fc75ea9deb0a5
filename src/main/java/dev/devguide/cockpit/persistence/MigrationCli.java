package dev.devguide.cockpit.persistence;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The migration command line:
 * {@code migrate status|preview|approve|verify-rollback|apply|tag NAME|rollback-preview|rollback}
 * against the database that {@code COCKPIT_DB_URL} names (or the embedded one). Runs
 * without the web server. On an external database {@code apply} runs only changesets
 * approved and rollback-verified as they are now ({@link SchemaChanges}); on the embedded
 * one approval is implicit.
 */
public final class MigrationCli {

	public static final String COMMAND = "migrate";

	private static final String USAGE = """
			usage: migrate status
			       migrate preview                  print the SQL that apply would run
			       migrate approve --by NAME --note TEXT
			                                        record NAME's approval of every pending changeset
			       migrate verify-rollback [--by NAME]
			                                        apply and roll back everything pending on a scratch
			                                        schema, compare, record a pass
			       migrate apply [--dry-run]        apply every pending changeset (external database: only
			                                        if all are approved and rollback-verified as they are)
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
		return run(args, env, out, Migrations.CHANGELOG);
	}

	/** As {@link #run(List, Map, PrintWriter)}, with another changelog (for tests). */
	static int run(List<String> args, Map<String, String> env, PrintWriter out, String changelog) {
		if (args.isEmpty()) {
			out.println(USAGE);
			return 2;
		}
		DatabaseSettings settings = DatabaseSettings.fromEnvironment(env);
		EmbeddedMariaDb embedded;
		try {
			embedded = settings.embedded()
					? EmbeddedMariaDb.start(settings.dataPath(), EmbeddedSettings.fromEnvironment(env)) : null;
		}
		catch (DataDirectoryInUseException ex) {
			out.println("migrate: the data directory " + settings.dataPath()
					+ " is in use by a running Cockpit server (the embedded MariaDB allows one process). Stop the"
					+ " server first, or ask the running server: the admin API's schemaStatus query shows the same.");
			return 1;
		}
		catch (TemporaryDataDirectoryException ex) {
			out.println("migrate: " + ex.getMessage());
			return 1;
		}
		try {
			// Not embedded: an external database, whose URL is set.
			DatabaseEndpoint endpoint = embedded != null ? embedded.endpoint() : DatabaseEndpoint
				.parse(Objects.requireNonNull(settings.db().url()), settings.db().user(), settings.db().password());
			return execute(new SchemaChanges(new Migrations(endpoint, changelog), !settings.embedded()), args, out);
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

	private static int execute(SchemaChanges changes, List<String> args, PrintWriter out) {
		Migrations migrations = changes.migrations();
		switch (args.get(0)) {
			case "status" -> status(changes, out);
			case "preview" -> migrations.previewApply(out);
			case "approve" -> approve(changes, args, out);
			case "verify-rollback" -> {
				return verifyRollback(changes, args, out);
			}
			case "apply" -> {
				if (args.contains("--dry-run")) {
					return dryRun(changes, out);
				}
				int applied = changes.apply();
				out.println("Applied " + applied + " changesets. " + migrations.appliedCount()
						+ " changesets are recorded as applied.");
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

	private static void status(SchemaChanges changes, PrintWriter out) {
		Migrations migrations = changes.migrations();
		List<String> pending = migrations.pending();
		out.println(migrations.endpoint() + ": " + migrations.appliedCount() + " changesets applied, " + pending.size()
				+ " pending");
		pending.forEach(id -> out.println("  pending: " + id));
		changes.refusals().forEach(refusal -> out.println("  refused: " + refusal));
	}

	private static void approve(SchemaChanges changes, List<String> args, PrintWriter out) {
		if (!changes.approvalRequired()) {
			out.println("Approval is implicit on the embedded database; nothing recorded.");
			return;
		}
		String by = option(args, "--by");
		String note = option(args, "--note");
		List<PendingChangeSet> approved = changes.approve(by, note);
		if (approved.isEmpty()) {
			out.println("Nothing is pending; nothing to approve.");
			return;
		}
		approved.forEach(changeSet -> out.println("  approved: " + changeSet.ref() + " " + changeSet.checksum()));
		out.println("Recorded " + by + "'s approval of " + approved.size() + " pending changesets.");
	}

	private static int verifyRollback(SchemaChanges changes, List<String> args, PrintWriter out) {
		String by = args.contains("--by") ? option(args, "--by") : System.getProperty("user.name", "unknown");
		RollbackVerification.Report report = changes.verifyRollback(by);
		if (report.verified().isEmpty()) {
			out.println("Nothing is pending; no rollback to verify.");
			return 0;
		}
		out.println("Applied and rolled back " + report.verified().size() + " pending changesets on the scratch schema "
				+ report.scratchSchema() + " (dropped).");
		if (!report.passed()) {
			out.println("Rollback verification FAILED; the schema after the rollback differs:");
			report.problems().forEach(problem -> out.println("  " + problem));
			return 1;
		}
		out.println("Rollback verified: the schema after the rollback is the schema before the apply. Recorded for:");
		report.verified()
			.forEach(changeSet -> out.println("  verified: " + changeSet.ref() + " " + changeSet.checksum()));
		return 0;
	}

	private static int dryRun(SchemaChanges changes, PrintWriter out) {
		List<String> refusals = changes.refusals();
		if (!refusals.isEmpty()) {
			out.println("Dry run: apply would refuse and apply nothing:");
			refusals.forEach(refusal -> out.println("  refused: " + refusal));
			return 1;
		}
		List<String> pending = changes.migrations().pending();
		out.println("Dry run: apply would run " + pending.size() + " changesets (nothing is changed now):");
		pending.forEach(id -> out.println("  would apply: " + id));
		if (!pending.isEmpty()) {
			changes.migrations().previewApply(out);
		}
		return 0;
	}

	/** The value after {@code name}, which must be there and not blank. */
	private static String option(List<String> args, String name) {
		int index = args.indexOf(name);
		if (index < 0 || index + 1 >= args.size() || args.get(index + 1).isBlank()) {
			throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
		}
		return args.get(index + 1);
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

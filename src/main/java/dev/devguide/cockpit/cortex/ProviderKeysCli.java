package dev.devguide.cockpit.cortex;

import dev.devguide.cockpit.persistence.CommandLineDatabase;
import dev.devguide.cockpit.persistence.DatabaseSettings;
import dev.devguide.cockpit.persistence.JsonColumns;
import dev.devguide.cockpit.security.KeyRing;
import dev.devguide.cockpit.security.KeyRings;
import dev.devguide.cockpit.security.SealedSecretException;
import dev.devguide.cockpit.security.SealedSecrets;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * The key commands of the command line: {@code keys status}, {@code keys rotate} (seal
 * every provider key and OAuth token under the primary key, batch by batch, each batch
 * its own transaction) and {@code keys generate} (a new ring entry). They use the key
 * ring and the database the server would ({@code COCKPIT_KEYS}, {@code COCKPIT_DB_URL} or
 * the embedded default). A command-line run writes no audit row: it prints what it did.
 */
public final class ProviderKeysCli {

	public static final String COMMAND = "keys";

	private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(5);

	private static final String USAGE = """
			usage: keys status                       the primary key id and how many rows are under other keys
			       keys rotate [--batch N] [--limit N]
			                                         seal every key and token under the primary key, N rows per
			                                         transaction (default 200); --limit stops after N rows
			       keys generate [ID]                print a new entry id:base64key to put first in COCKPIT_KEYS""";

	private ProviderKeysCli() {
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
		try {
			return execute(args, env, out);
		}
		catch (IllegalArgumentException | IllegalStateException | SealedSecretException ex) {
			out.println("keys: " + ex.getMessage());
			return 1;
		}
		finally {
			out.flush();
		}
	}

	private static int execute(List<String> args, Map<String, String> env, PrintWriter out) {
		switch (args.get(0)) {
			case "generate" -> {
				out.println(KeyRing.newEntry(args.size() > 1 ? args.get(1) : "key-" + System.currentTimeMillis()));
				return 0;
			}
			case "status", "rotate" -> {
				DatabaseSettings settings = DatabaseSettings.fromEnvironment(env);
				KeyRing ring = KeyRings.resolve(env.get("COCKPIT_KEYS"), settings);
				if (ring == null) {
					throw new IllegalStateException("COCKPIT_KEYS is not set; it names the keys to rotate to and from");
				}
				return CommandLineDatabase.run(settings, database -> {
					ProviderKeyRotation rotation = rotation(database, ring);
					if (args.get(0).equals("status")) {
						long remaining = Objects.requireNonNull(rotation.remaining(ring.primaryId()).block());
						out.println("primary key " + ring.primaryId() + " of " + ring.ids() + "; " + remaining
								+ " rows are sealed under another key");
						return 0;
					}
					return rotate(database, rotation, option(args, "--batch", 200), option(args, "--limit", 0), out);
				});
			}
			default -> {
				out.println(USAGE);
				return 2;
			}
		}
	}

	/** Rotates batch by batch, each in its own transaction, until none remains. */
	private static int rotate(CommandLineDatabase database, ProviderKeyRotation rotation, int batch, int limit,
			PrintWriter out) {
		int total = 0;
		while (limit <= 0 || total < limit) {
			int size = limit <= 0 ? batch : Math.min(batch, limit - total);
			// A command line may wait: each batch is one transaction, awaited in turn.
			ProviderKeyRotationResult result = Objects
				.requireNonNull(database.transactions().transactional(rotation.rotateBatch(size)).block(BATCH_TIMEOUT));
			total += result.rotated();
			out.println("rotated " + result.rotated() + " rows to key " + result.primaryKeyId() + "; "
					+ result.remaining() + " remain");
			if (result.remaining() == 0 || result.rotated() == 0) {
				break;
			}
		}
		out.println("Done: " + total + " rows sealed again under the primary key.");
		return 0;
	}

	private static ProviderKeyRotation rotation(CommandLineDatabase database, KeyRing ring) {
		JsonColumns json = new JsonColumns(JsonMapper.builder().build());
		return new ProviderKeyRotation(new ProviderRepository(database.client()),
				new ToolAccessRepository(database.client(), json), new SealedSecrets(ring));
	}

	private static int option(List<String> args, String name, int fallback) {
		int at = args.indexOf(name);
		if (at < 0) {
			return fallback;
		}
		if (at + 1 >= args.size()) {
			throw new IllegalArgumentException(name + " needs a number\n" + USAGE);
		}
		int value = Integer.parseInt(args.get(at + 1));
		if (value < 1) {
			throw new IllegalArgumentException(name + " must be at least 1");
		}
		return value;
	}

}

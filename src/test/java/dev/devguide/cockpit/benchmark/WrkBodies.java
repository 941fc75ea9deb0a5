package dev.devguide.cockpit.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * wrk with a body of its own for each connection: one wrk thread per connection, thread i
 * POSTing {@code bodies[i mod size]}, so that each connection is one client with its own
 * data (the ingest scenarios). Reads wrk's summary with {@link Wrk#parse}; a response
 * other than 2xx fails the run, with the first such response of each thread.
 */
final class WrkBodies {

	private WrkBodies() {
	}

	static Wrk.Result post(String url, List<String> bodies, Map<String, String> headers, int connections,
			Duration duration) {
		try {
			Path script = Files.createTempFile("cockpit-wrk-bodies-", ".lua");
			try {
				Files.writeString(script, lua(bodies, headers), StandardCharsets.UTF_8);
				Process wrk = new ProcessBuilder(List.of("wrk", "-t", String.valueOf(connections), "-c",
						String.valueOf(connections), "-d", duration.toSeconds() + "s", "--timeout", "60s", "--latency",
						"-s", script.toString(), url))
					.redirectErrorStream(true)
					.start();
				String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (wrk.waitFor() != 0) {
					throw new IllegalStateException("wrk failed:\n" + output);
				}
				Wrk.Result result = Wrk.parse(output);
				if (result.failures() > 0) {
					throw new IllegalStateException(result.failures()
							+ " responses were not 2xx (NON2XX: the first of each thread):\n" + output);
				}
				return result;
			}
			finally {
				Files.deleteIfExists(script);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * {@code setup} numbers the threads (it runs in the main Lua state, once per thread),
	 * {@code init} picks the thread's body, {@code request} sends it.
	 */
	private static String lua(List<String> bodies, Map<String, String> headers) {
		StringBuilder lua = new StringBuilder("local bodies = {\n");
		for (String body : bodies) {
			lua.append("  ").append(literal(body)).append(",\n");
		}
		lua.append("}\nlocal threads = 0\n");
		lua.append("function setup(thread)\n  thread:set(\"index\", threads)\n  threads = threads + 1\nend\n");
		lua.append("function init(args)\n  body = bodies[(index % #bodies) + 1]\nend\n");
		lua.append("wrk.method = \"POST\"\n");
		headers.forEach((name, value) -> lua.append("wrk.headers[ ")
			.append(literal(name))
			.append(" ] = ")
			.append(literal(value))
			.append('\n'));
		lua.append("function request()\n  return wrk.format(nil, nil, nil, body)\nend\n");
		// the first failed response of each thread, for the error message
		lua.append("local shown = false\nfunction response(status, headers, body)\n");
		lua.append("  if status > 299 and not shown then\n    shown = true\n");
		lua.append("    io.write(\"NON2XX \" .. status .. \" \" .. string.sub(body, 1, 400) .. \"\\n\")\n");
		lua.append("  end\nend\n");
		return lua.toString();
	}

	/** A Lua long string: no escapes inside, so JSON goes in as it is. */
	private static String literal(String text) {
		String level = "=";
		while (text.contains("]" + level + "]")) {
			level += "=";
		}
		return "[" + level + "[" + text + "]" + level + "]";
	}

}

package dev.devguide.cockpit.benchmark;

import dev.devguide.cockpit.support.Fixtures;
import dev.devguide.cockpit.support.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The subscription and Bin scenarios against the server's own process
 * ({@link ServerProcess}): the clients run in a {@link LoadClient} process; this side
 * makes the changes (events at a fixed rate, through the server's HTTP endpoint like any
 * client) and reads the server's counters.
 */
final class Deliveries {

	private static final Duration EVENT_INTERVAL = Duration.ofMillis(20);

	private final TestUsers users;

	private final ServerProcess server;

	private final ServerMeter meter;

	private final boolean profile;

	Deliveries(TestUsers users, ServerProcess server, ServerMeter meter, boolean profile) {
		this.users = users;
		this.server = server;
		this.meter = meter;
		this.profile = profile;
	}

	/**
	 * {@code subscribers} WebSocket subscribers of one project; {@code events} changes at
	 * 50 a second; the delivery latency from each change's createdAt.
	 */
	ResultTable.Row measure(int subscribers, int events) {
		String owner = "bench-subscriber-owner-" + subscribers;
		String token = users.token(owner, List.of("user"));
		Fixtures fixtures = new Fixtures(server.tester(token));
		String project = fixtures.project();
		try (Clients clients = Clients.start("subscribe", server.webSocketUrl(), token, project,
				String.valueOf(subscribers))) {
			clients.await("CONNECTED");
			GraphQlTester tester = server.tester(token);
			Disposable warmUp = changes(tester, project, Integer.MAX_VALUE, "bench_warmup").subscribe();
			clients.await("READY");
			warmUp.dispose();
			clients.send("MEASURE");
			clients.await("MEASURING");
			ServerMeter.Snapshot before = meter.snapshot();
			long start = System.nanoTime();
			Profiles.record(meter.recorder(), profile, subscribers + " subscribers",
					() -> changes(tester, project, events, LoadClient.MEASURED).blockLast(Duration.ofMinutes(10)));
			double submitting = (System.nanoTime() - start) / 1e9;
			clients.send("STOP " + events);
			Map<String, Double> result = Clients.fields(clients.await("RESULT"));
			double seconds = (System.nanoTime() - start) / 1e9;
			ServerMeter.Snapshot after = meter.snapshot();
			double delivered = result.get("received");
			ResultTable.Row row = ResultTable.Row.of(
					String.format("%,d subscribers, 50 events/s: deliveries", subscribers), delivered / seconds,
					result.get("p50"), result.get("p99"), (long) delivered, before, after);
			return row.versus(String.format(
					"%.0f of %.0f delivered (and %.0f of warm-up changes), %.0f events/s sent; latency from createdAt "
							+ "(at or before commit)",
					delivered, result.get("expected"), result.get("others"), events / submitting));
		}
	}

	/**
	 * submitChange + validateChange spread over 8 projects, at the given concurrency,
	 * after a quarter as many pairs to warm the server up.
	 */
	ResultTable.Row bin(int pairs, int concurrency) {
		String owner = "bench-bin-owner";
		String token = users.token(owner, List.of("user"));
		Fixtures fixtures = new Fixtures(server.tester(token));
		List<String> arguments = new ArrayList<>(
				List.of("bin", server.graphqlUrl(), token, String.valueOf(pairs), String.valueOf(concurrency)));
		for (int i = 0; i < 8; i++) {
			arguments.add(fixtures.project());
		}
		List<String> warmUp = new ArrayList<>(arguments);
		warmUp.set(3, String.valueOf(Math.max(100, pairs / 4)));
		try (Clients clients = Clients.start(warmUp.toArray(String[]::new))) {
			clients.await("RESULT");
		}
		ServerMeter.Snapshot before = meter.snapshot();
		try (Clients clients = Clients.start(arguments.toArray(String[]::new))) {
			Map<String, Double> result = Clients
				.fields(Profiles.record(meter.recorder(), profile, "bin pairs", () -> clients.await("RESULT")));
			ServerMeter.Snapshot after = meter.snapshot();
			ResultTable.Row row = ResultTable.Row.of("Bin: submitChange + validateChange pairs, 8 projects",
					result.get("perSecond"), result.get("p50"), result.get("p99"), pairs, before, after);
			return row.versus("p50 and p99 per call; per-op figures per pair");
		}
	}

	/**
	 * Submits {@code count} changes of {@code changeType}, one every 20 ms (at most four
	 * in flight, so a slow answer delays the next rather than piling up).
	 */
	private static Flux<String> changes(GraphQlTester tester, String project, int count, String changeType) {
		// language=GraphQL
		String document = """
				mutation($p: ID!, $t: String!, $n: Int!) {
				  submitChange(projectId: $p, changeType: $t, payload: {n: $n}) { id }
				}""";
		return Flux.range(0, count)
			.delayElements(EVENT_INTERVAL, Schedulers.boundedElastic())
			.flatMap(n -> Flux.defer(() -> Flux.just(tester.document(document)
				.variable("p", project)
				.variable("t", changeType)
				.variable("n", n)
				.execute()
				.path("submitChange.id")
				.entity(String.class)
				.get())).subscribeOn(Schedulers.boundedElastic()), 4);
	}

}

package dev.devguide.cockpit.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;

/**
 * The benchmark's clients, run as a process of their own so that their cost is not the
 * server's ({@link Clients} starts it). Two modes:
 * <ul>
 * <li>{@code subscribe <ws-url> <token> <project> <n>}: n WebSocket subscribers
 * (graphql-transport-ws) of the project's PENDING events, each measuring every event's
 * delivery latency from the event's {@code at} (the change's createdAt, written in the
 * committing transaction, so at or before the commit). Talks to the orchestrator through
 * stdin and stdout: prints {@code CONNECTED n}, then {@code READY n} once every
 * subscriber received an event; on {@code MEASURE} forgets what it saw; on {@code STOP k}
 * waits until every subscriber has k events of measured changes (change type
 * {@link #MEASURED}) since MEASURE (at most a minute) and prints {@code RESULT} with the
 * number of other events seen since MEASURE (warm-up changes still in flight).</li>
 * <li>{@code bin <http-url> <token> <pairs> <concurrency> <project>...}: submitChange
 * then validateChange, {@code pairs} times at the given concurrency, over the projects;
 * prints {@code RESULT} with pairs/s and the per-call latency percentiles.</li>
 * </ul>
 */
public final class LoadClient {

	private LoadClient() {
	}

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "subscribe" -> subscribe(args[1], args[2], args[3], Integer.parseInt(args[4]));
			case "bin" -> bin(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
					List.of(args).subList(5, args.length));
			default -> throw new IllegalArgumentException(args[0]);
		}
		System.exit(0);
	}

	/** The change type of the changes whose deliveries are measured. */
	static final String MEASURED = "bench_measured";

	private static void subscribe(String url, String token, String project, int count) throws Exception {
		String init = "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}";
		String subscribe = "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { "
				+ "syncBufferStatusChanged(projectId: \\\"" + project
				+ "\\\", statuses: [PENDING]) { cursor at change { changeType } } }\"}}";
		HttpClient client = HttpClient.create(ConnectionProvider.newConnection());
		List<Subscriber> subscribers = new ArrayList<>();
		AtomicInteger connected = new AtomicInteger();
		for (int i = 0; i < count; i++) {
			Subscriber subscriber = new Subscriber();
			subscribers.add(subscriber);
			client.websocket(WebsocketClientSpec.builder().protocols("graphql-transport-ws").build())
				.uri(url)
				.handle((in, out) -> {
					Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
					outgoing.tryEmitNext(init);
					Mono<Void> receive = in.receiveFrames()
						.map(frame -> frame.content().toString(StandardCharsets.UTF_8))
						.doOnNext(text -> {
							if (text.contains("\"connection_ack\"")) {
								connected.incrementAndGet();
								outgoing.tryEmitNext(subscribe);
							}
							else if (text.contains("\"next\"")) {
								subscriber.record(text);
							}
						})
						.then();
					return out.sendString(outgoing.asFlux()).then().and(receive);
				})
				.subscribe();
			if (i % 500 == 499) {
				Thread.sleep(50);
			}
		}
		await(() -> connected.get() >= count, Duration.ofMinutes(3));
		System.out.println("CONNECTED " + connected.get());
		await(() -> subscribers.stream().allMatch(s -> s.seen() > 0), Duration.ofMinutes(3));
		System.out.println("READY " + subscribers.stream().filter(s -> s.seen() > 0).count());
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String line = commands.readLine(); line != null; line = commands.readLine()) {
			if (line.equals("MEASURE")) {
				subscribers.forEach(Subscriber::reset);
				System.out.println("MEASURING");
			}
			else if (line.startsWith("STOP ")) {
				int expected = Integer.parseInt(line.substring(5));
				await(() -> subscribers.stream().allMatch(s -> s.received() >= expected), Duration.ofMinutes(1));
				System.out.println(result(subscribers, (long) expected * count));
				return;
			}
		}
	}

	private static String result(List<Subscriber> subscribers, long expected) {
		long[] all = subscribers.stream().flatMapToLong(Subscriber::latencies).sorted().toArray();
		long others = subscribers.stream().mapToLong(Subscriber::others).sum();
		return String.format("RESULT received=%d expected=%d others=%d p50=%.1f p99=%.1f max=%.1f", all.length,
				expected, others, percentile(all, 50) / 1000.0, percentile(all, 99) / 1000.0,
				percentile(all, 100) / 1000.0);
	}

	/**
	 * One subscriber's latencies in microseconds of the measured changes (change type
	 * {@link #MEASURED}); events of other changes (the warm-up's, also those still in
	 * flight when the measurement starts) are only counted. Written by its connection's
	 * thread only.
	 */
	private static final class Subscriber {

		private volatile long[] latencies = new long[64];

		private volatile int received;

		private volatile int seen;

		private volatile int others;

		void record(String message) {
			int at = message.indexOf("\"at\":\"");
			if (at < 0) {
				return;
			}
			seen = seen + 1;
			if (!message.contains("\"changeType\":\"" + MEASURED + "\"")) {
				others = others + 1;
				return;
			}
			Instant sent = Instant.parse(message.substring(at + 6, message.indexOf('"', at + 6)));
			Instant now = Instant.now();
			long micros = Duration.between(sent, now).toNanos() / 1000;
			long[] current = latencies;
			if (received == current.length) {
				current = Arrays.copyOf(current, current.length * 2);
				latencies = current;
			}
			current[received] = micros;
			received = received + 1;
		}

		int received() {
			return received;
		}

		int seen() {
			return seen;
		}

		int others() {
			return others;
		}

		void reset() {
			received = 0;
			others = 0;
		}

		java.util.stream.LongStream latencies() {
			return Arrays.stream(latencies, 0, received);
		}

	}

	private static void bin(String url, String token, int pairs, int concurrency, List<String> projects) {
		HttpClient client = HttpClient.create(ConnectionProvider.create("bin", concurrency * 2))
			.headers(
					headers -> headers.set("Authorization", "Bearer " + token).set("Content-Type", "application/json"));
		List<long[]> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
		long start = System.nanoTime();
		String submit = "mutation($p: ID!, $n: Int!) { submitChange(projectId: $p, changeType: \\\"bench\\\", "
				+ "payload: {n: $n}) { id } }";
		String validate = "mutation($id: ID!) { validateChange(id: $id) { status } }";
		Flux.range(0, pairs).flatMap(n -> {
			String variables = "{\"p\":\"" + projects.get(n % projects.size()) + "\",\"n\":" + n + "}";
			return timed(client, url, "{\"query\":\"" + submit + "\",\"variables\":" + variables + "}", calls)
				.flatMap(response -> {
					String id = response.substring(response.indexOf("\"id\":\"") + 6, response.indexOf("\"}}}"));
					return timed(client, url, "{\"query\":\"" + validate + "\",\"variables\":{\"id\":\"" + id + "\"}}",
							calls);
				});
		}, concurrency).blockLast(Duration.ofMinutes(30));
		double seconds = (System.nanoTime() - start) / 1e9;
		long[] latencies = calls.stream().mapToLong(call -> call[0]).sorted().toArray();
		System.out.printf("RESULT pairs=%d seconds=%.2f perSecond=%.1f p50=%.1f p99=%.1f%n", pairs, seconds,
				pairs / seconds, percentile(latencies, 50) / 1000.0, percentile(latencies, 99) / 1000.0);
	}

	private static Mono<String> timed(HttpClient client, String url, String body, List<long[]> calls) {
		long start = System.nanoTime();
		return client.post()
			.uri(url)
			.send(reactor.netty.ByteBufFlux.fromString(Mono.just(body)))
			.responseSingle((response, content) -> content.asString())
			.doOnNext(text -> {
				if (text.contains("\"errors\"")) {
					throw new IllegalStateException("refused: " + text);
				}
				calls.add(new long[] { (System.nanoTime() - start) / 1000 });
			});
	}

	private static long percentile(long[] sorted, int percentile) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)];
	}

	private static void await(java.util.function.BooleanSupplier condition, Duration limit)
			throws InterruptedException {
		long until = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean() && System.nanoTime() < until) {
			Thread.sleep(50);
		}
	}

}

package dev.devguide.cockpit.events;

import dev.devguide.cockpit.security.TokenIssuer;
import dev.devguide.cockpit.support.GraphQlSockets;
import dev.devguide.cockpit.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Benchmark, not a test: run with {@code ./mvnw -Pbenchmark test}. Prints (1) event
 * delivery latency, from the acknowledged commit of a submitChange to its arrival at each
 * of N concurrent WebSocket subscribers of one instance (p50 / p99 over every subscriber
 * and event), and (2) the throughput of submitChange followed by validateChange. Sizes
 * come from the system properties {@code bench.subscribers} (1000), {@code bench.events}
 * (100), {@code bench.pairs} (500) and {@code bench.concurrency} (8).
 */
@IntegrationTest
@Tag("benchmark")
class EventDeliveryBenchmark {

	// language=GraphQL
	private static final String SUBSCRIPTION = """
			subscription($projectId: ID!) {
			  syncBufferStatusChanged(projectId: $projectId, statuses: [PENDING]) { cursor change { id } }
			}""";

	// language=GraphQL
	private static final String SUBMIT = """
			mutation($p: ID!, $n: String!) {
			  submitChange(projectId: $p, changeType: "bench", payload: {note: $n}) { id }
			}""";

	@Autowired
	TokenIssuer issuer;

	@LocalServerPort
	int port;

	@Value("${bench.subscribers:1000}")
	int subscriberCount;

	@Value("${bench.events:100}")
	int eventCount;

	@Value("${bench.pairs:500}")
	int pairCount;

	@Value("${bench.concurrency:8}")
	int concurrency;

	@Test
	void measure() {
		String token = issuer.issue("bench-" + UUID.randomUUID(), List.of("user"), Duration.ofHours(2));
		HttpGraphQlClient http = HttpGraphQlClient.builder(WebClient.create("http://localhost:" + port + "/graphql"))
			.header("Authorization", "Bearer " + token)
			.build();
		String project = http.document("mutation { createProject(input: {name: \"bench\"}) { id } }")
			.retrieve("createProject.id")
			.toEntity(String.class)
			.block();
		System.out.printf("%nBenchmark on %d cores, Java %s, max heap %d MiB%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
		latency(http, token, project);
		throughput(http, project);
	}

	private void latency(HttpGraphQlClient http, String token, String project) {
		Map<String, long[]> requests = new ConcurrentHashMap<>();
		ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
		Set<Integer> ready = ConcurrentHashMap.newKeySet();
		List<Disposable> subscribers = new ArrayList<>();
		for (int i = 0; i < subscriberCount; i++) {
			int subscriber = i;
			subscribers.add(GraphQlSockets.client(port, token)
				.document(SUBSCRIPTION)
				.variable("projectId", project)
				.executeSubscription()
				.subscribe(response -> {
					ready.add(subscriber);
					arrivals.add(new Arrival(response.field("syncBufferStatusChanged.change.id").getValue(),
							System.nanoTime()));
				}));
		}
		long readySince = System.nanoTime();
		while (ready.size() < subscriberCount && System.nanoTime() - readySince < Duration.ofMinutes(3).toNanos()) {
			submit(http, project, "warm-up");
			sleep(500);
		}
		System.out.printf("%d of %d subscribers connected and receiving%n", ready.size(), subscriberCount);
		arrivals.clear();
		for (int i = 0; i < eventCount; i++) {
			long sent = System.nanoTime();
			String id = submit(http, project, "e" + i);
			requests.put(id, new long[] { sent, System.nanoTime() });
			sleep(20);
		}
		long expected = (long) eventCount * subscriberCount;
		long waitSince = System.nanoTime();
		while (count(arrivals, requests) < expected
				&& System.nanoTime() - waitSince < Duration.ofMinutes(2).toNanos()) {
			sleep(100);
		}
		List<Long> fromSent = new ArrayList<>();
		List<Long> fromAcknowledged = new ArrayList<>();
		for (Arrival arrival : arrivals) {
			long[] request = requests.get(arrival.changeId());
			if (request != null) {
				fromSent.add((arrival.nanos() - request[0]) / 1000);
				fromAcknowledged.add(Math.max(0, arrival.nanos() - request[1]) / 1000);
			}
		}
		Collections.sort(fromSent);
		Collections.sort(fromAcknowledged);
		System.out.printf("Delivery latency, %d WebSocket subscribers x %d events (%d of %d deliveries seen)%n",
				subscriberCount, eventCount, fromSent.size(), expected);
		System.out.printf("  from the submitChange response (commit done): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				percentile(fromAcknowledged, 50), percentile(fromAcknowledged, 99), percentile(fromAcknowledged, 100));
		System.out.printf("  from sending submitChange (before commit):    p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				percentile(fromSent, 50), percentile(fromSent, 99), percentile(fromSent, 100));
		subscribers.forEach(Disposable::dispose);
	}

	private static long count(ConcurrentLinkedQueue<Arrival> arrivals, Map<String, long[]> requests) {
		return arrivals.stream().filter(arrival -> requests.containsKey(arrival.changeId())).count();
	}

	/** One event reaching one subscriber. */
	private record Arrival(String changeId, long nanos) {
	}

	/**
	 * Pairs on one project (which serialize on its row lock), then spread over as many
	 * projects as clients.
	 */
	private void throughput(HttpGraphQlClient http, String project) {
		pairs(http, List.of(project), "one project");
		List<String> projects = Flux.range(0, concurrency)
			.concatMap(i -> http.document("mutation { createProject(input: {name: \"bench " + i + "\"}) { id } }")
				.retrieve("createProject.id")
				.toEntity(String.class))
			.collectList()
			.block();
		pairs(http, projects, concurrency + " projects");
	}

	private void pairs(HttpGraphQlClient http, List<String> projects, String spread) {
		long start = System.nanoTime();
		Flux.range(0, pairCount)
			.flatMap(n -> http.document(SUBMIT)
				.variable("p", projects.get(n % projects.size()))
				.variable("n", "t" + n)
				.retrieve("submitChange.id")
				.toEntity(String.class)
				.flatMap(id -> http.document("mutation($id: ID!) { validateChange(id: $id) { status } }")
					.variable("id", id)
					.retrieve("validateChange.status")
					.toEntity(String.class)), concurrency)
			.blockLast(Duration.ofMinutes(10));
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf(
				"submitChange + validateChange on %s: %d pairs in %.1f s with %d concurrent clients = %.0f pairs/s%n",
				spread, pairCount, seconds, concurrency, pairCount / seconds);
	}

	private static String submit(HttpGraphQlClient http, String project, String note) {
		return http.document(SUBMIT)
			.variable("p", project)
			.variable("n", note)
			.retrieve("submitChange.id")
			.toEntity(String.class)
			.block();
	}

	private static double percentile(List<Long> sortedMicros, int percentile) {
		if (sortedMicros.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.size()) - 1;
		return sortedMicros.get(Math.max(0, index)) / 1000.0;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

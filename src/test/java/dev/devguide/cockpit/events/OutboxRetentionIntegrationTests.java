package dev.devguide.cockpit.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.persistence.Rows;
import dev.devguide.cockpit.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/**
 * Retention deletes outbox events older than the retention period (7 days by default) and
 * keeps newer ones and the per-project sequence counters, so sequences continue after a
 * cleanup.
 */
@IntegrationTest
class OutboxRetentionIntegrationTests {

	@Autowired
	OutboxRetention retention;

	@Autowired
	EventOutbox outbox;

	@Autowired
	ProjectEvents events;

	@Autowired
	DatabaseClient db;

	@Test
	void deletesOnlyEventsOlderThanTheRetentionPeriodAndKeepsTheCounter() {
		String project = UUID.randomUUID().toString();
		for (int i = 0; i < 3; i++) {
			outbox.append(project, "TEST", Map.of("n", i)).block();
		}
		db.sql("UPDATE event_outbox SET created_at = :old WHERE project_id = :p AND project_sequence <= 2")
			.bind("old", Rows.utc(Instant.now().minus(30, ChronoUnit.DAYS)))
			.bind("p", project)
			.then()
			.block();

		assertThat(retention.cleanUp().block()).isGreaterThanOrEqualTo(2L);

		assertThat(outbox.after(project, 0, 10).map(OutboxEvent::sequence).collectList().block()).containsExactly(3L);
		assertThat(outbox.append(project, "TEST", Map.of("n", 3)).block()).isEqualTo(4L);
		assertThat(outbox.latest(List.of(project)).block()).containsEntry(project, 4L);

		StepVerifier.create(events.stream(project, "0"))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(ApiException.class,
					api -> assertThat(api.field()).isEqualTo("after")))
			.verify(Duration.ofSeconds(10));
		StepVerifier.create(events.stream(project, "5"))
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(ApiException.class,
					api -> assertThat(api.field()).isEqualTo("after")))
			.verify(Duration.ofSeconds(10));
		StepVerifier.create(events.stream(project, "2").take(2))
			.expectNextMatches(event -> event.sequence() == 3)
			.expectNextMatches(event -> event.sequence() == 4)
			.verifyComplete();
	}

}

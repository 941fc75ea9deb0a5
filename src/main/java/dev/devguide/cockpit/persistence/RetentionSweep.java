package dev.devguide.cockpit.persistence;

import java.time.Duration;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes what is past its retention, in batches, every {@link #interval()}: the base of
 * each table's retention job. Safe on every instance at once, since the deletes are
 * idempotent; a failed sweep is logged (its exception class only) and the next one runs
 * as planned.
 */
public abstract class RetentionSweep implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

	/** How many rows one delete removes at most. */
	protected static final int BATCH = 1000;

	private volatile @Nullable Disposable running;

	/** How often the sweep runs. */
	protected abstract Duration interval();

	/** What is swept, for the log ("outbox events", say). */
	protected abstract String what();

	/** Deletes everything past retention and returns how many rows went. */
	public abstract Mono<Long> cleanUp();

	/**
	 * Runs {@code deleteBatch} (given {@link #BATCH}, answering how many rows it deleted)
	 * until a batch comes back short, and sums what went.
	 */
	protected static Mono<Long> inBatches(IntFunction<Mono<Long>> deleteBatch) {
		return deleteBatch.apply(BATCH)
			.expand(deleted -> deleted < BATCH ? Mono.empty() : deleteBatch.apply(BATCH))
			.reduce(0L, Long::sum);
	}

	@Override
	public void start() {
		running = Flux.interval(interval()).onBackpressureDrop().concatMap(tick -> cleanUp().onErrorResume(error -> {
			log.warn("Cleanup of {} failed: {}", what(), error.getClass().getName());
			return Mono.empty();
		}), 1).subscribe(deleted -> {
			if (deleted > 0) {
				log.info("Cleanup deleted {} {}", deleted, what());
			}
		});
	}

	@Override
	public void stop() {
		Disposable current = running;
		if (current != null) {
			current.dispose();
		}
		running = null;
	}

	@Override
	public boolean isRunning() {
		return running != null;
	}

}

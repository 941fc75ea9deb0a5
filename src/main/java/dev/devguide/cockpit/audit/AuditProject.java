package dev.devguide.cockpit.audit;

import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Which project the audited mutation being run acts in: {@link AuditedTransactions} puts
 * an empty holder into the Reactor context of each run, the code that locates and locks a
 * project ({@code project.Ownership}) fills it, and the audit row (success or failure)
 * carries it in {@code audit_logs.project_id}. The first project located wins; outside an
 * audited run nothing is recorded.
 */
public final class AuditProject {

	private static final Object KEY = AuditProject.class;

	private AuditProject() {
	}

	/** Records {@code projectId} as the project of the current audited mutation. */
	public static Mono<Void> located(String projectId) {
		return Mono.deferContextual(context -> {
			context.<AtomicReference<@Nullable String>>getOrEmpty(KEY)
				.ifPresent(holder -> holder.compareAndSet(null, projectId));
			return Mono.empty();
		});
	}

	/** A context holding {@code holder} for one run. */
	static Context with(Context context, AtomicReference<@Nullable String> holder) {
		return context.put(KEY, holder);
	}

}

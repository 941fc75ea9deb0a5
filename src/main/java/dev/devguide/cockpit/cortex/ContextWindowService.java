package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.ContextWindowInputs.CONTENT;
import static dev.devguide.cockpit.cortex.ContextWindowInputs.MAX_TOKENS;
import static dev.devguide.cockpit.cortex.ContextWindowInputs.MESSAGES;
import static dev.devguide.cockpit.cortex.ContextWindowInputs.ROLE;
import static dev.devguide.cockpit.cortex.ContextWindowInputs.TOKENS;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Selection;
import dev.devguide.cockpit.project.Ownership;
import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.CallerContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Context windows: read within the caller's projects (admins: all), created, appended to
 * and cleared under the project's lock. An append is atomic: the project row and then the
 * window row are locked ({@code FOR UPDATE}) for the whole transaction, so concurrent
 * appends to one window run one after another, each on the history the previous one
 * committed, and none is lost; the kept messages, their token sum and the time are
 * written in one statement. Arguments are read after the authorization, inside the
 * audited transaction, so another user's call is refused whatever it sent, and bad input
 * is audited as a failure and changes nothing.
 */
@Service
public class ContextWindowService {

	static final String TYPE = "context_window";

	private static final String RESOURCE = "ContextWindow";

	private final ContextWindowRepository windows;

	private final Ownership ownership;

	private final AuditedTransactions transactions;

	public ContextWindowService(ContextWindowRepository windows, Ownership ownership,
			AuditedTransactions transactions) {
		this.windows = windows;
		this.ownership = ownership;
		this.transactions = transactions;
	}

	/**
	 * One window; NOT_FOUND, as if it did not exist, when its project is someone else's.
	 */
	public Mono<ContextWindow> get(String id, Selection selection) {
		return CallerContext.current()
			.flatMap(caller -> windows.findOwned(id, selection)
				.filter(owned -> caller.owns(owned.owner()))
				.map(owned -> owned.window())
				.switchIfEmpty(Mono.error(() -> ApiException.notFound(RESOURCE, id))));
	}

	/** A new, empty window of the project. */
	public Mono<ContextWindow> create(String projectId, Input arguments) {
		String id = UUID.randomUUID().toString();
		return transactions.run(AuditFacts.of(TYPE + ".create", TYPE, id).with("projectId", projectId),
				caller -> ownership.project(caller, projectId)
					.flatMap(project -> windows.insert(id, project,
							arguments.orElse(MAX_TOKENS, ContextWindow.DEFAULT_MAX_TOKENS)))
					.then(windows.lock(id)),
				(facts, created) -> facts.with("maxTokens", created.maxTokens()));
	}

	/**
	 * Appends the messages, evicting the oldest past the window's limits
	 * ({@link ContextWindowEviction}).
	 */
	public Mono<ContextWindowAppended> append(String id, Input arguments) {
		return transactions.run(AuditFacts.of(TYPE + ".append", TYPE, id),
				caller -> locked(caller, id).flatMap(window -> {
					Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
					List<ContextWindowMessage> added = arguments.objects(MESSAGES)
						.stream()
						.map(message -> new ContextWindowMessage(message.required(ROLE), message.required(CONTENT),
								message.required(TOKENS), at))
						.toList();
					ContextWindowEviction.Kept kept = ContextWindowEviction.append(window.messages(), added,
							window.maxTokens(), windows::bytes);
					return windows.write(id, kept.messages(), kept.tokens(), at)
						.then(windows.lock(id))
						.map(after -> new ContextWindowAppended(after, kept.evicted(), kept.evictedTokens()));
				}), (facts, appended) -> facts.with("evicted", appended.evicted())
					.with("currentTokens", appended.window().currentTokens()));
	}

	/** Removes every message; the window and its maxTokens stay. */
	public Mono<ContextWindow> clear(String id) {
		return transactions.run(AuditFacts.of(TYPE + ".clear", TYPE, id),
				caller -> locked(caller, id).flatMap(
						window -> windows.clear(id).then(windows.lock(id)).map(after -> new Cleared(window, after))),
				(facts, cleared) -> facts.with("removed", cleared.before().messages().size())
					.with("removedTokens", cleared.before().currentTokens()))
			.map(Cleared::after);
	}

	private record Cleared(ContextWindow before, ContextWindow after) {
	}

	/**
	 * Locks the window's project (checking the caller may change it), then the window;
	 * NOT_FOUND for an unknown window or one deleted while waiting for the lock.
	 */
	private Mono<ContextWindow> locked(Caller caller, String id) {
		return windows.projectOf(id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound(RESOURCE, id)))
			.flatMap(project -> ownership.projectOf(caller, project, RESOURCE, id))
			.then(Mono.defer(() -> windows.lock(id)))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound(RESOURCE, id)));
	}

}

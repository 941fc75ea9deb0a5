package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.CachedResponseInputs.OLDER_THAN;
import static dev.devguide.cockpit.cortex.CachedResponseInputs.PROMPT;
import static dev.devguide.cockpit.cortex.CachedResponseInputs.PROVIDER_FILTER;
import static dev.devguide.cockpit.cortex.CachedResponseInputs.RESPONSE;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Cursors;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.graphql.Page;
import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.CallerContext;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The response cache. Who may do what, and why:
 * <ul>
 * <li>Entries are shared by every authenticated user: a provider's response to a prompt
 * is worth reusing whoever asked, which is the point of the cache. The table has no
 * project, so there is no owner to scope it by.</li>
 * <li>A lookup needs the whole prompt; the server hashes it, and a hash is never accepted
 * as input, so no one can read an entry whose prompt they do not already know.</li>
 * <li>Non-admins get the response but never the prompt (nor who stored it): the caller
 * sent the prompt, and an entry stored by someone else shows them nothing they did not
 * have.</li>
 * <li>{@code cacheResponse} stores a new entry for anyone, but replaces an existing one
 * only for the user who stored it ({@code created_by}) or an admin, so no user can
 * overwrite a response that other users' lookups rely on.</li>
 * <li>Listing and eviction are admins' only.</li>
 * </ul>
 */
@Service
public class CachedResponseService {

	static final String TYPE = "cached_response";

	private final CachedResponseRepository cache;

	private final AuditedTransactions transactions;

	private final TransactionalOperator tx;

	public CachedResponseService(CachedResponseRepository cache, AuditedTransactions transactions,
			TransactionalOperator tx) {
		this.cache = cache;
		this.transactions = transactions;
		this.tx = tx;
	}

	/**
	 * The entry for the prompt and provider, or empty; a hit is counted atomically, and
	 * the count returned includes it (the row stays locked from the increment to the
	 * read, so each of concurrent hits sees its own count).
	 */
	public Mono<CachedResponse> lookup(Input arguments) {
		return CallerContext.current().flatMap(caller -> {
			String hash = CachedResponseHash.of(CachedResponseInputs.provider(arguments), arguments.required(PROMPT));
			return tx.transactional(cache.hit(hash).filter(rows -> rows > 0).flatMap(rows -> cache.findByHash(hash)))
				.map(entry -> entry.visibleTo(caller.admin()));
		});
	}

	/**
	 * Stores the response, or replaces the one stored for the same prompt and provider.
	 */
	public Mono<CachedResponse> store(Input arguments) {
		String id = UUID.randomUUID().toString();
		return transactions.run(AuditFacts.of(TYPE + ".store", TYPE, null), caller -> {
			String provider = CachedResponseInputs.provider(arguments);
			String prompt = arguments.required(PROMPT);
			Map<String, Object> response = arguments.required(RESPONSE);
			String hash = CachedResponseHash.of(provider, prompt);
			return cache.insertIfAbsent(id, hash, prompt, response, provider, caller.userId())
				.then(cache.lockByHash(hash))
				.flatMap(existing -> existing.id().equals(id) ? Mono.just(false)
						: replace(caller, existing, response).thenReturn(true))
				.flatMap(replaced -> cache.findByHash(hash)
					.map(entry -> new Stored(entry.visibleTo(caller.admin()), replaced)));
		}, (facts, stored) -> facts.about(stored.entry().id())
			.with("provider", stored.entry().provider())
			.with("promptHash", stored.entry().promptHash())
			.with("replaced", stored.replaced())).map(Stored::entry);
	}

	private record Stored(CachedResponse entry, boolean replaced) {
	}

	private Mono<Void> replace(Caller caller, CachedResponseRepository.Author existing, Map<String, Object> response) {
		if (!caller.admin() && !caller.userId().equals(existing.createdBy())) {
			return Mono.error(ApiException
				.forbidden("Another user stored the cached response for this prompt; only they or an admin may "
						+ "replace it"));
		}
		return cache.replace(existing.id(), response, caller.userId());
	}

	/** A page of the entries (admins only), newest first. */
	public Mono<Page<CachedResponse>> page(Input arguments, int first, Cursors.@Nullable Position after) {
		return CallerContext.current()
			.flatMap(caller -> requireAdmin(caller, "list cached responses").then(Mono.defer(() -> {
				String provider = arguments.optional(PROVIDER_FILTER);
				return cache.page(provider, after, first + 1)
					.collectList()
					.map(rows -> Page.of(rows, first, after != null,
							entry -> Cursors.encode(entry.createdAt(), entry.id()), () -> cache.count(provider)));
			})));
	}

	/** Removes the entries created before the given time (admins only); how many. */
	public Mono<Long> evict(Input arguments) {
		return transactions.run(AuditFacts.of(TYPE + ".evict", TYPE, null),
				caller -> requireAdmin(caller, "evict cached responses").then(Mono.defer(() -> {
					Instant olderThan = arguments.required(OLDER_THAN);
					return cache.evict(olderThan).map(removed -> new Evicted(olderThan, removed));
				})), (facts, evicted) -> facts.with("olderThan", evicted.olderThan().toString())
					.with("removed", evicted.removed()))
			.map(Evicted::removed);
	}

	private record Evicted(Instant olderThan, long removed) {
	}

	private static Mono<Void> requireAdmin(Caller caller, String what) {
		return caller.admin() ? Mono.empty() : Mono.error(ApiException.forbidden("Only admins may " + what));
	}

}

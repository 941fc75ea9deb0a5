package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.TokenUsageInputs.ENTRIES;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.IDEMPOTENCY_KEY;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.INPUT;
import static dev.devguide.cockpit.cortex.TokenUsageInputs.PROJECT_ID;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.project.Ownership;
import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.CallerContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Records batches of AI calls: checks every entry (naming
 * {@code input.entries[i].field}), costs those sent without a cost, and writes the raw
 * rows and both rollups in one transaction with its audit row, all or nothing: a
 * multi-row statement per table, so a batch of 1,000 is as many statements as a batch of
 * one. Callers: the ingest service and admins for any project, users for their own.
 */
@Service
public class TokenUsageService {

	private static final int ATTEMPTS = 3;

	private final TokenUsageRepository usage;

	private final TokenUsageRollupRepository rollups;

	private final ModelPriceRepository prices;

	private final UsageIdempotencyRepository keys;

	private final Ownership ownership;

	private final AuditedTransactions transactions;

	private final UsageSettings settings;

	private final Clock clock;

	TokenUsageService(TokenUsageRepository usage, TokenUsageRollupRepository rollups, ModelPriceRepository prices,
			UsageIdempotencyRepository keys, Ownership ownership, AuditedTransactions transactions,
			UsageSettings settings) {
		this.usage = usage;
		this.rollups = rollups;
		this.prices = prices;
		this.keys = keys;
		this.ownership = ownership;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = Clock.systemUTC();
	}

	/** {@code recordTokenUsage}. */
	public Mono<RecordedUsage> record(Input arguments) {
		Input input = arguments.object(INPUT);
		String key = input.optional(IDEMPOTENCY_KEY);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<Input> sent = input.objects(ENTRIES);
		List<UsageEntry> entries = new ArrayList<>(sent.size());
		for (int i = 0; i < sent.size(); i++) {
			entries.add(
					UsageEntry.read(sent.get(i), input.path(ENTRIES) + "[" + i + "]", now, settings.futureAllowance()));
		}
		String hash = hash(entries);
		return CallerContext.current().flatMap(caller -> {
			if (key == null) {
				return write(caller, entries, now, null, hash);
			}
			return replay(caller, key, hash, input.path(IDEMPOTENCY_KEY))
				.switchIfEmpty(Mono.defer(() -> write(caller, entries, now, key, hash))
					.onErrorResume(DataIntegrityViolationException.class,
							conflict -> replay(caller, key, hash, input.path(IDEMPOTENCY_KEY))
								.switchIfEmpty(Mono.error(conflict))));
		});
	}

	private Mono<RecordedUsage> write(Caller caller, List<UsageEntry> entries, Instant now, @Nullable String key,
			String hash) {
		return checkProjects(caller, entries).then(costed(entries, now)).flatMap(rows -> {
			RecordedUsage result = RecordedUsage.of(rows);
			List<String> projects = rows.stream().map(TokenUsage::projectId).distinct().sorted().toList();
			AuditFacts facts = AuditFacts.of("token_usage.record", "token_usage", null)
				.with("entries", rows.size())
				.with("projects", projects)
				.with("totalCost", result.totalCost().toPlainString())
				.with("idempotencyKey", key);
			// The ids are made once, outside the retried transaction: see
			// TokenUsageRollupRepository for why a retry can never count twice.
			return transactions.run(facts, as -> {
				Mono<Void> claim = key == null ? Mono.empty() : keys.claim(as.userId(), key, hash, result);
				return claim.then(usage.insert(rows)).then(rollups.add(rows)).thenReturn(result);
			}).retryWhen(Retry.max(ATTEMPTS - 1).filter(TransientDataAccessException.class::isInstance));
		});
	}

	/**
	 * Every entry's project must exist and be the caller's to write (the ingest service
	 * and admins: any); one answer for both, so that no one learns which ids exist.
	 */
	private Mono<Void> checkProjects(Caller caller, List<UsageEntry> entries) {
		List<String> ids = entries.stream().map(UsageEntry::projectId).distinct().toList();
		return ownership.owners(ids).flatMap(owners -> {
			for (UsageEntry entry : entries) {
				String owner = owners.get(entry.projectId());
				if (owner == null || !(caller.ingest() || caller.owns(owner))) {
					return Mono.error(ApiException.badRequest(entry.field(PROJECT_ID.name()),
							"there is no project " + entry.projectId() + " you may record usage for"));
				}
			}
			return Mono.empty();
		});
	}

	/** The rows to write: ids made, timestamps defaulted, costs computed where absent. */
	private Mono<List<TokenUsage>> costed(List<UsageEntry> entries, Instant now) {
		List<ModelPriceRepository.Model> unpriced = entries.stream()
			.filter(entry -> entry.totalCost() == null)
			.map(entry -> new ModelPriceRepository.Model(entry.provider(), entry.model()))
			.distinct()
			.toList();
		Mono<UsagePricing> pricing = unpriced.isEmpty() ? Mono.just(new UsagePricing(List.of()))
				: prices.pricesOf(unpriced).collectList().map(UsagePricing::new);
		return pricing.map(priced -> entries.stream().map(entry -> {
			Instant at = entry.at(now);
			return new TokenUsage(UUID.randomUUID().toString(), entry.projectId(), entry.provider(), entry.model(),
					entry.inputTokens(), entry.outputTokens(), priced.cost(entry, at), entry.operationType(),
					entry.dashboardContext(), at);
		}).toList());
	}

	/**
	 * The stored answer for the caller's key: the first call's result when the entries
	 * are the same, a BAD_REQUEST naming the key when they are not, empty when the key is
	 * new.
	 */
	private Mono<RecordedUsage> replay(Caller caller, String key, String hash, String field) {
		return keys.find(caller.userId(), key).map(stored -> {
			if (!stored.requestHash().equals(hash)) {
				throw ApiException.badRequest(field,
						"this key was used with other entries; use a new key for a new batch");
			}
			return stored.result().asReplay();
		});
	}

	private static String hash(List<UsageEntry> entries) {
		String canonical = entries.stream().map(UsageEntry::canonical).collect(Collectors.joining("\u001e"));
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}

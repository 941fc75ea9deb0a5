package dev.devguide.cockpit.cortex;

import static dev.devguide.cockpit.cortex.ProviderInputs.API_KEY;
import static dev.devguide.cockpit.cortex.ProviderInputs.ENABLED;
import static dev.devguide.cockpit.cortex.ProviderInputs.MAX_TOKENS;
import static dev.devguide.cockpit.cortex.ProviderInputs.MODEL;
import static dev.devguide.cockpit.cortex.ProviderInputs.PRIORITY;
import static dev.devguide.cockpit.cortex.ProviderInputs.PROVIDER;
import static dev.devguide.cockpit.cortex.ProviderInputs.TEMPERATURE;

import dev.devguide.cockpit.audit.AuditFacts;
import dev.devguide.cockpit.audit.AuditedTransactions;
import dev.devguide.cockpit.graphql.ApiException;
import dev.devguide.cockpit.graphql.Input;
import dev.devguide.cockpit.project.Ownership;
import dev.devguide.cockpit.security.Caller;
import dev.devguide.cockpit.security.SealedSecrets;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A project's provider configurations, changed by its owner under the project's lock. The
 * API key is sealed before it reaches the database and is never read back; the audit row
 * records which fields were sent and the key's id, never the key.
 */
@Service
public class ProviderService {

	static final String TYPE = "provider_configuration";

	static final BigDecimal DEFAULT_TEMPERATURE = new BigDecimal("0.70");

	static final int DEFAULT_MAX_TOKENS = 4096;

	private final ProviderRepository providers;

	private final Ownership ownership;

	private final AuditedTransactions transactions;

	private final SealedSecrets secrets;

	private final ProviderKeyRotation rotation;

	public ProviderService(ProviderRepository providers, Ownership ownership, AuditedTransactions transactions,
			SealedSecrets secrets, ProviderKeyRotation rotation) {
		this.providers = providers;
		this.ownership = ownership;
		this.transactions = transactions;
		this.secrets = secrets;
		this.rotation = rotation;
	}

	public Mono<ProviderConfiguration> configure(String projectId, Input input) {
		String id = UUID.randomUUID().toString();
		return transactions.run(facts("provider.configure", id, input).with("projectId", projectId),
				caller -> ownership.project(caller, projectId).then(Mono.defer(() -> {
					ProviderConfiguration created = new ProviderConfiguration(id, projectId, input.required(PROVIDER),
							input.required(MODEL), input.orElse(TEMPERATURE, DEFAULT_TEMPERATURE),
							input.orElse(MAX_TOKENS, DEFAULT_MAX_TOKENS), input.orElse(ENABLED, true),
							input.orElse(PRIORITY, 0), null, null, null, null, null);
					return save(created, input, true);
				})), ProviderService::succeeded);
	}

	public Mono<ProviderConfiguration> update(String id, Input input) {
		return transactions.run(facts("provider.update", id, input),
				caller -> locked(caller, id).flatMap(current -> save(merge(current, input), input, false)),
				ProviderService::succeeded);
	}

	public Mono<String> remove(String id) {
		return transactions.run(AuditFacts.of("provider.remove", TYPE, id),
				caller -> locked(caller, id).flatMap(current -> providers.delete(id).thenReturn(id)));
	}

	/**
	 * Seals up to {@code batchSize} provider keys and OAuth tokens again under the
	 * primary key, in one transaction (admins only).
	 */
	public Mono<ProviderKeyRotationResult> rotateKeys(int batchSize) {
		return transactions.run(AuditFacts.of("provider.rotate_keys", TYPE, null).with("batchSize", batchSize),
				caller -> caller.admin() ? rotation.rotateBatch(batchSize)
						: Mono.error(ApiException.forbidden("Only admins may rotate the keys")),
				(facts, result) -> facts.with("primaryKeyId", result.primaryKeyId())
					.with("rotated", result.rotated())
					.with("remaining", result.remaining()));
	}

	/**
	 * The configuration after locking its project and checking the caller may change it;
	 * NOT_FOUND when it does not exist (or no longer, once the lock is held).
	 */
	private Mono<ProviderConfiguration> locked(Caller caller, String id) {
		return existing(id)
			.flatMap(found -> ownership.projectOf(caller, found.projectId(), "ProviderConfiguration", id))
			.then(Mono.defer(() -> existing(id)));
	}

	private Mono<ProviderConfiguration> existing(String id) {
		return providers.findById(id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("ProviderConfiguration", id)));
	}

	private static ProviderConfiguration merge(ProviderConfiguration current, Input input) {
		return new ProviderConfiguration(current.id(), current.projectId(), input.update(PROVIDER, current.provider()),
				input.update(MODEL, current.model()),
				input.update(TEMPERATURE, Objects.requireNonNullElse(current.temperature(), DEFAULT_TEMPERATURE)),
				input.update(MAX_TOKENS, Objects.requireNonNullElse(current.maxTokens(), DEFAULT_MAX_TOKENS)),
				input.update(ENABLED, current.enabled()),
				input.update(PRIORITY, Objects.requireNonNullElse(current.priority(), 0)), current.apiKeyId(),
				current.apiKeyLast4(), current.apiKeySetAt(), current.createdAt(), current.updatedAt());
	}

	/**
	 * Checks the provider is not taken in the project, writes the row and the key (set,
	 * or removed by an explicit null), and reads the result back.
	 */
	private Mono<ProviderConfiguration> save(ProviderConfiguration changed, Input input, boolean isNew) {
		String apiKey = input.optional(API_KEY);
		byte[] sealed = apiKey == null ? null : seal(apiKey, changed.id(), input);
		Mono<Void> key = sealed != null && apiKey != null
				? providers.setKey(changed.id(), sealed, SealedSecrets.keyIdOf(sealed),
						apiKey.substring(apiKey.length() - 4))
				: input.has(API_KEY) && !isNew ? providers.clearKey(changed.id()) : Mono.empty();
		return providers.providerTaken(changed.projectId(), changed.provider(), changed.id())
			.flatMap(taken -> taken
					? Mono.error(ApiException.badRequest(input.path(PROVIDER),
							"the project already has a configuration for provider '" + changed.provider() + "'"))
					: isNew ? providers.insert(changed) : providers.update(changed))
			.then(key)
			.then(Mono.defer(() -> existing(changed.id())));
	}

	private byte[] seal(String apiKey, String id, Input input) {
		String field = input.path(API_KEY);
		if (apiKey.length() < ProviderInputs.API_KEY_MIN) {
			throw ApiException.badRequest(field, "must be at least " + ProviderInputs.API_KEY_MIN + " characters");
		}
		if (apiKey.getBytes(StandardCharsets.UTF_8).length > ProviderInputs.API_KEY_BYTES) {
			throw ApiException.badRequest(field, "must be at most " + ProviderInputs.API_KEY_BYTES + " bytes in UTF-8");
		}
		return secrets.seal(apiKey,
				new SealedSecrets.Binding(ProviderConfiguration.TABLE, ProviderConfiguration.KEY_COLUMN, id), field);
	}

	private static AuditFacts facts(String action, String id, Input input) {
		return AuditFacts.of(action, TYPE, id).with("fields", input.fieldNames());
	}

	private static AuditFacts succeeded(AuditFacts facts, ProviderConfiguration result) {
		return facts.with("provider", result.provider()).with("apiKeyId", result.apiKeyId());
	}

}
